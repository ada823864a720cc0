package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.adcs.mdm.masterdata.MasterDataStore;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.RegisterStore;

/**
 * The validated days a party receives: those of the service points whose billing agent it is (R-MD-1,
 * R-OPS-2) on the day in question, for the channels set up there, in their newest version, when that
 * version was posted in the window. Days up to {@code lookbackDays} before the file's day are looked at,
 * so late data and reposted days are delivered when they are posted. A channel with no validated day
 * (a non-interval account's register channel) delivers instead the register reads taken that day, as a
 * {@link RegisterDay} posted when its last-posted read was.
 */
public final class StoredPostedData implements PostedData, CurrentData {

  /** Units come from the stored day; the channel is looked up by name. */
  private static final String ANY_UNIT = "Wh";

  private final MasterDataStore masterData;
  private final IntervalStore intervals;
  private final RegisterStore registers;
  private final ZoneOffset standardTime;
  private final int lookbackDays;

  public StoredPostedData(MasterDataStore masterData, IntervalStore intervals, RegisterStore registers,
      ZoneOffset standardTime, int lookbackDays) {
    if (lookbackDays < 1 || lookbackDays > 62) {
      throw new IllegalArgumentException("the market look-back is 1 to 62 days, found " + lookbackDays);
    }
    this.masterData = masterData;
    this.intervals = intervals;
    this.registers = registers;
    this.standardTime = standardTime;
    this.lookbackDays = lookbackDays;
  }

  @Override
  public List<MarketDay> posted(String party, LocalDate throughDay, Instant after, Instant upTo) {
    List<MarketDay> result = new ArrayList<>();
    for (String sdp : masterData.servicePointIds()) {
      var timeline = masterData.timeline(sdp);
      if (timeline.isEmpty()) {
        continue;
      }
      for (LocalDate day = throughDay.minusDays(lookbackDays - 1); !day.isAfter(throughDay); day = day.plusDays(1)) {
        Instant start = day.atStartOfDay().toInstant(standardTime);
        Instant end = day.plusDays(1).atStartOfDay().toInstant(standardTime);
        for (Period period : timeline.get().periods()) {
          var state = period.state();
          if (!period.overlaps(start, end) || !party.equals(state.billingAgent())) {
            continue;
          }
          result.addAll(posted(sdp, state.meter(), channels(state.channels()), day, after, upTo));
        }
      }
    }
    // Two periods of one service point on the same day name the same days once.
    return result.stream().distinct().toList();
  }

  @Override
  public List<String> servicePoints(String party, LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay().toInstant(standardTime);
    Instant end = to.atStartOfDay().toInstant(standardTime);
    List<String> result = new ArrayList<>();
    for (String sdp : masterData.servicePointIds()) {
      var timeline = masterData.timeline(sdp);
      if (timeline.isPresent() && timeline.get().periods().stream()
          .anyMatch(p -> p.overlaps(start, end) && party.equals(p.state().billingAgent()))) {
        result.add(sdp);
      }
    }
    return result;
  }

  @Override
  public List<MarketDay> current(String party, String servicePoint, LocalDate from, LocalDate to) {
    var timeline = masterData.timeline(servicePoint);
    if (timeline.isEmpty()) {
      return List.of();
    }
    List<MarketDay> result = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      Instant start = day.atStartOfDay().toInstant(standardTime);
      Instant end = day.plusDays(1).atStartOfDay().toInstant(standardTime);
      for (Period period : timeline.get().periods()) {
        var state = period.state();
        if (period.overlaps(start, end) && party.equals(state.billingAgent())) {
          result.addAll(posted(servicePoint, state.meter(), channels(state.channels()), day, Instant.MIN,
              Instant.MAX));
        }
      }
    }
    return result.stream().distinct().toList();
  }

  private List<MarketDay> posted(String sdp, String meter, Set<String> channels, LocalDate day, Instant after,
      Instant upTo) {
    List<CompletableFuture<Optional<MarketDay>>> reads = new ArrayList<>();
    for (String channel : channels) {
      var id = new MeterId(meter);
      var ch = new Channel(channel, ANY_UNIT);
      reads.add(intervals.validatedAsOf(id, ch, day, Long.MAX_VALUE).toCompletableFuture()
          .thenCompose(v -> v.isPresent() ? CompletableFuture.completedFuture(v.map(d -> new MarketDay(sdp, d)))
              : registerDay(sdp, id, ch, day)));
    }
    List<MarketDay> result = new ArrayList<>();
    for (var read : reads) {
      read.join().filter(d -> d.postedAt().isAfter(after) && !d.postedAt().isAfter(upTo)).ifPresent(result::add);
    }
    return result;
  }

  private CompletableFuture<Optional<MarketDay>> registerDay(String sdp, MeterId meter, Channel channel, LocalDate day) {
    return registers.takenIn(meter, channel, day.atStartOfDay(), day.plusDays(1).atStartOfDay()).toCompletableFuture()
        .thenCompose(reads -> reads.isEmpty() ? CompletableFuture.completedFuture(Optional.<MarketDay>empty())
            : registers.newestBefore(meter, channel, reads.get(0).read().readAt()).toCompletableFuture()
                .thenApply(previous -> Optional.of(new MarketDay(sdp, new RegisterDay(meter, channel, day,
                    reads.stream().map(RegisterStore.PostedRead::read).toList(), previous,
                    reads.stream().map(RegisterStore.PostedRead::postedAt).max(Comparator.naturalOrder())
                        .orElseThrow())))));
  }

  private static Set<String> channels(List<String> configured) {
    return configured.isEmpty() ? Set.of(Channel.ACTIVE_IMPORT.name()) : new LinkedHashSet<>(configured);
  }
}
