package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of one sync set (R-MD-1): its status, every record applied, and every exception with
 * the record, its service point and the reason.
 *
 * @param duplicateOf for a resent set, the report of the set it repeats
 */
public record SyncReport(UUID id, String source, long sequence, SyncSet.Kind kind, Status status, Instant receivedAt,
    Optional<Instant> completedAt, List<Applied> applied, List<SyncException> exceptions, Optional<UUID> duplicateOf,
    String fingerprint) {

  public enum Status {
    /** Applied: every record is either in {@code applied} or in {@code exceptions}. */
    APPLIED,
    /** Waiting for the sets before it in sequence. */
    HELD,
    /** Not applied at all; the reason is the one exception without a record. */
    REJECTED,
    /** The same set again: nothing applied, see {@code duplicateOf}. */
    DUPLICATE
  }

  /** @param action what happened to the service point: created, changed, deactivated */
  public record Applied(int index, String sdpId, String action) {}

  /** @param index the record's place in its set, or -1 for the set as a whole */
  public record SyncException(int index, String sdpId, String reason) {}

  public SyncReport {
    applied = List.copyOf(applied);
    exceptions = List.copyOf(exceptions);
  }

  SyncReport completed(Status newStatus, Instant at, List<Applied> appliedRecords, List<SyncException> found) {
    return new SyncReport(id, source, sequence, kind, newStatus, receivedAt, Optional.of(at), appliedRecords, found,
        duplicateOf, fingerprint);
  }

  static SyncReport received(SyncSet set, Instant at) {
    return new SyncReport(UUID.randomUUID(), set.source(), set.sequence(), set.kind(), Status.HELD, at,
        Optional.empty(), List.of(), invalidOf(set), Optional.empty(), set.fingerprint());
  }

  static List<SyncException> invalidOf(SyncSet set) {
    return set.invalid().stream().map(i -> new SyncException(i.index(), i.sdpId(), i.reason())).toList();
  }
}
