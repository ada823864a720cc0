package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where master data, sync bookkeeping and rejected readings are kept. Calls block: they are made by
 * the synchronisation, which runs on a thread that may block, never on the store driver's own threads.
 */
public interface MasterDataStore {

  Optional<ServicePointTimeline> timeline(String sdpId);

  /** Saves the timeline and indexes its meters and its unique id. */
  void save(ServicePointTimeline timeline, String uniqueId);

  List<String> servicePointIds();

  Optional<String> servicePointWithUniqueId(String uniqueId);

  /** Every service point the meter was, is or will be related to. */
  List<String> servicePointsOfMeter(String meter);

  /** 0 when nothing of the source was applied yet. */
  long lastApplied(String source);

  void saveLastApplied(String source, long sequence);

  void saveReport(SyncReport report);

  Optional<SyncReport> report(UUID id);

  /** The set holding a sequence number (held or applied), so a resent or conflicting set is recognised. */
  Optional<SequenceClaim> claim(String source, long sequence);

  void claim(SequenceClaim claim);

  void unclaim(String source, long sequence);

  void hold(HeldSet held);

  List<HeldSet> held();

  void release(String source, long sequence);

  void reject(RejectedReading reading);

  /** Rejected readings, by meter and day; of one meter when given. */
  List<RejectedReading> rejected(Optional<String> meter, int limit);

  void clear(RejectedReading reading);

  record SequenceClaim(String source, long sequence, UUID reportId, String fingerprint) {}

  record HeldSet(SyncSet set, UUID reportId, Instant receivedAt) {}
}
