package org.adcs.mdm.masterdata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** The store kept in maps, for unit tests of the sync logic. */
final class InMemoryMasterDataStore implements MasterDataStore {

  private final Map<String, ServicePointTimeline> timelines = new TreeMap<>();
  private final Map<String, String> uniqueIds = new HashMap<>();
  private final Map<String, TreeSet<String>> meters = new HashMap<>();
  private final Map<String, Long> lastApplied = new HashMap<>();
  private final Map<UUID, SyncReport> reports = new HashMap<>();
  private final Map<String, SequenceClaim> claims = new HashMap<>();
  private final Map<String, HeldSet> held = new TreeMap<>();
  private final Map<String, RejectedReading> rejected = new TreeMap<>();

  @Override
  public Optional<ServicePointTimeline> timeline(String sdpId) {
    return Optional.ofNullable(timelines.get(sdpId));
  }

  @Override
  public void save(ServicePointTimeline timeline, String uniqueId) {
    timelines.put(timeline.sdpId(), timeline);
    uniqueIds.put(uniqueId, timeline.sdpId());
    timeline.periods().forEach(p -> meters.computeIfAbsent(p.state().meter(), m -> new TreeSet<>()).add(timeline.sdpId()));
  }

  @Override
  public List<String> servicePointIds() {
    return List.copyOf(timelines.keySet());
  }

  @Override
  public Optional<String> servicePointWithUniqueId(String uniqueId) {
    return Optional.ofNullable(uniqueIds.get(uniqueId));
  }

  @Override
  public List<String> servicePointsOfMeter(String meter) {
    return List.copyOf(meters.getOrDefault(meter, new TreeSet<>()));
  }

  @Override
  public long lastApplied(String source) {
    return lastApplied.getOrDefault(source, 0L);
  }

  @Override
  public void saveLastApplied(String source, long sequence) {
    lastApplied.put(source, sequence);
  }

  @Override
  public void saveReport(SyncReport report) {
    reports.put(report.id(), report);
  }

  @Override
  public Optional<SyncReport> report(UUID id) {
    return Optional.ofNullable(reports.get(id));
  }

  @Override
  public Optional<SequenceClaim> claim(String source, long sequence) {
    return Optional.ofNullable(claims.get(source + "/" + sequence));
  }

  @Override
  public void claim(SequenceClaim claim) {
    claims.put(claim.source() + "/" + claim.sequence(), claim);
  }

  @Override
  public void unclaim(String source, long sequence) {
    claims.remove(source + "/" + sequence);
  }

  @Override
  public void hold(HeldSet set) {
    held.put(set.set().source() + "/" + set.set().sequence(), set);
  }

  @Override
  public List<HeldSet> held() {
    return new ArrayList<>(held.values());
  }

  @Override
  public void release(String source, long sequence) {
    held.remove(source + "/" + sequence);
  }

  @Override
  public void reject(RejectedReading reading) {
    rejected.put(key(reading), reading);
  }

  @Override
  public List<RejectedReading> rejected(Optional<String> meter, int limit) {
    return rejected.values().stream().filter(r -> meter.map(r.meter()::equals).orElse(true))
        .sorted(Comparator.comparing(RejectedReading::meter).thenComparing(RejectedReading::day)).limit(limit).toList();
  }

  @Override
  public void clear(RejectedReading reading) {
    rejected.remove(key(reading));
  }

  private static String key(RejectedReading r) {
    return r.meter() + "/" + r.day() + "/" + r.channel();
  }
}
