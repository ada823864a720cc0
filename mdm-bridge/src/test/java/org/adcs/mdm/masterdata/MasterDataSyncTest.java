package org.adcs.mdm.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adcs.mdm.masterdata.SyncReport.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full and incremental sync, sequence order, duplicates and conflicts (R-MD-1). */
class MasterDataSyncTest {

  static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant FEB = Instant.parse("2024-02-01T00:00:00Z");
  static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2024-01-10T12:00:00Z");

  private InMemoryMasterDataStore store;
  private MasterDataSync sync;
  private MeterCoverage coverage;
  private final List<Set<String>> changedMeters = new ArrayList<>();

  @BeforeEach
  void setUp() {
    store = new InMemoryMasterDataStore();
    sync = new MasterDataSync(store, Duration.ofMinutes(30), changedMeters::add);
    coverage = new MeterCoverage(store, ZoneOffset.UTC);
  }

  static Map<String, Object> record(String sdp, String meter, String account, Instant from, Instant to) {
    Map<String, Object> f = new HashMap<>(Map.of("sdpId", sdp, "uniqueId", "U-" + sdp, "meter", meter,
        "account", account, "effectiveFrom", from.toString()));
    if (to != null) {
      f.put("effectiveTo", to.toString());
    }
    return f;
  }

  static SyncSet set(long sequence, SyncSet.Kind kind, Instant effectiveAt, List<Map<String, Object>> records) {
    return SyncInput.fromRecords(new SyncInput.Header("cis", sequence, kind, effectiveAt), records,
        SyncSet.fingerprint(sequence + kind.name() + records));
  }

  private ServicePointState at(String sdp, Instant at) {
    return store.timeline(sdp).flatMap(t -> t.at(at)).orElse(null);
  }

  @Test
  void aFullSyncDeactivatesThePointsItLeavesOutAsOfItsEffectiveTime() {
    SyncReport first = sync.submit(set(1, SyncSet.Kind.FULL, JAN, List.of(record("SDP-1", "M1", "A1", JAN, null),
        record("SDP-2", "M2", "A2", JAN, null))), NOW);
    assertEquals(Status.APPLIED, first.status());
    assertEquals(List.of("created", "created"), first.applied().stream().map(SyncReport.Applied::action).toList());

    SyncReport second = sync.submit(set(2, SyncSet.Kind.FULL, FEB, List.of(record("SDP-1", "M1", "A1", JAN, null))),
        NOW);
    assertEquals(Status.APPLIED, second.status());
    assertTrue(second.applied().contains(new SyncReport.Applied(-1, "SDP-2", "deactivated")), second.toString());
    assertEquals("M2", at("SDP-2", FEB.minusSeconds(1)).meter());
    assertEquals(null, at("SDP-2", FEB));
    assertEquals("M1", at("SDP-1", MAR).meter());
    assertTrue(coverage.isSynchronised("M2", LocalDate.of(2024, 1, 31)));
    assertFalse(coverage.isSynchronised("M2", LocalDate.of(2024, 2, 1)));
    assertEquals(Set.of("M1", "M2"), changedMeters.get(1));
  }

  @Test
  void anIncrementalSyncChangesOnlyWhatItNamesIncludingBackAndFutureDatedChanges() {
    sync.submit(set(1, SyncSet.Kind.FULL, JAN, List.of(record("SDP-1", "M1", "A1", JAN, null),
        record("SDP-2", "M2", "A2", JAN, null))), NOW);
    SyncReport report = sync.submit(set(2, SyncSet.Kind.INCREMENTAL, NOW, List.of(
        record("SDP-1", "M1", "A9", Instant.parse("2024-01-05T00:00:00Z"), FEB),  // back-dated, bounded
        record("SDP-1", "M3", "A9", MAR, null))), NOW);                            // future-dated meter change
    assertEquals(Status.APPLIED, report.status());
    assertEquals("A1", at("SDP-1", JAN).account());
    assertEquals("A9", at("SDP-1", Instant.parse("2024-01-05T00:00:00Z")).account());
    assertEquals("A1", at("SDP-1", FEB).account());
    assertEquals("M3", at("SDP-1", MAR).meter());
    assertEquals("M2", at("SDP-2", MAR).meter());
    assertFalse(coverage.isSynchronised("M1", LocalDate.of(2024, 3, 1)));
    assertTrue(coverage.isSynchronised("M3", LocalDate.of(2024, 3, 1)));
    assertFalse(coverage.isSynchronised("M3", LocalDate.of(2024, 2, 29)));

    SyncReport deactivate = sync.submit(set(3, SyncSet.Kind.INCREMENTAL, NOW, List.of(Map.of("action", "DEACTIVATE",
        "sdpId", "SDP-2", "effectiveFrom", FEB.toString()), Map.of("action", "DEACTIVATE", "sdpId", "SDP-404",
        "effectiveFrom", FEB.toString()))), NOW);
    assertEquals(List.of(new SyncReport.Applied(0, "SDP-2", "deactivated")), deactivate.applied());
    assertEquals(List.of(new SyncReport.SyncException(1, "SDP-404",
        "service point SDP-404 is not known, so it cannot be deactivated")), deactivate.exceptions());
    assertEquals(null, at("SDP-2", FEB));
  }

  @Test
  void aSetOutOfOrderIsHeldAndAppliedWhenTheGapFills() {
    SyncReport third = sync.submit(set(3, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-3", "M3", "A3", JAN,
        null))), NOW);
    SyncReport second = sync.submit(set(2, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-2", "M2", "A2", JAN,
        null))), NOW);
    assertEquals(Status.HELD, third.status());
    assertEquals(Status.HELD, second.status());
    assertEquals(Optional.empty(), store.timeline("SDP-3"));

    SyncReport first = sync.submit(set(1, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-1", "M1", "A1", JAN,
        null))), NOW.plusSeconds(60));
    assertEquals(Status.APPLIED, first.status());
    assertEquals(3, store.lastApplied("cis"));
    assertEquals(Status.APPLIED, store.report(second.id()).orElseThrow().status());
    assertEquals(Status.APPLIED, store.report(third.id()).orElseThrow().status());
    assertEquals("M3", at("SDP-3", JAN).meter());
    assertEquals(List.of(), store.held());
    assertEquals(List.of(), sync.expire(NOW.plus(Duration.ofDays(1))));
  }

  @Test
  void aHeldSetIsRejectedAfterTheHoldTimeWithAReportNamingTheMissingSequence() {
    sync.submit(set(1, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-1", "M1", "A1", JAN, null))), NOW);
    SyncReport held = sync.submit(set(3, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-3", "M3", "A3", JAN,
        null))), NOW);
    assertEquals(List.of(), sync.expire(NOW.plus(Duration.ofMinutes(29))));
    List<SyncReport> rejected = sync.expire(NOW.plus(Duration.ofMinutes(30)));
    assertEquals(1, rejected.size());
    SyncReport report = store.report(held.id()).orElseThrow();
    assertEquals(Status.REJECTED, report.status());
    assertTrue(report.exceptions().get(0).reason().contains("waiting for sequence 2 of cis"), report.toString());
    assertEquals(Optional.empty(), store.timeline("SDP-3"));
    // The gap fills later: sequence 2 applies, and 3 may be sent again and applies.
    assertEquals(Status.APPLIED, sync.submit(set(2, SyncSet.Kind.INCREMENTAL, NOW, List.of()), NOW).status());
    assertEquals(Status.APPLIED, sync.submit(set(3, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-3", "M3",
        "A3", JAN, null))), NOW).status());
  }

  @Test
  void aResentSetIsADuplicateAndAnotherSetWithATakenSequenceIsRejected() {
    SyncSet one = set(1, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-1", "M1", "A1", JAN, null)));
    SyncReport applied = sync.submit(one, NOW);
    SyncReport again = sync.submit(one, NOW);
    assertEquals(Status.DUPLICATE, again.status());
    assertEquals(Optional.of(applied.id()), again.duplicateOf());
    SyncReport other = sync.submit(set(1, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-1", "M9", "A1", JAN,
        null))), NOW);
    assertEquals(Status.REJECTED, other.status());
    assertTrue(other.exceptions().get(0).reason().contains("already used by another set"));
    assertEquals("M1", at("SDP-1", JAN).meter());
    // A held set resent while held is a duplicate too.
    SyncSet three = set(3, SyncSet.Kind.INCREMENTAL, NOW, List.of());
    SyncReport held = sync.submit(three, NOW);
    assertEquals(Optional.of(held.id()), sync.submit(three, NOW).duplicateOf());
    assertEquals(1, store.held().size());
  }

  @Test
  void recordsThatConflictWithStoredMasterDataAreExceptionsAndTheRestApplies() {
    sync.submit(set(1, SyncSet.Kind.FULL, JAN, List.of(record("SDP-1", "M1", "A1", JAN, null))), NOW);
    Map<String, Object> stolenUnique = record("SDP-2", "M2", "A2", JAN, null);
    stolenUnique.put("uniqueId", "U-SDP-1");
    Map<String, Object> changedUnique = record("SDP-1", "M1", "A1", FEB, null);
    changedUnique.put("uniqueId", "U-NEW");
    Map<String, Object> invalid = record("SDP-5", "M5", "A5", JAN, null);
    invalid.put("effectiveFrom", "soon");
    SyncReport report = sync.submit(set(2, SyncSet.Kind.INCREMENTAL, NOW, List.of(stolenUnique, changedUnique,
        record("SDP-3", "M1", "A3", FEB, null), invalid, record("SDP-4", "M4", "A4", JAN, null))), NOW);
    assertEquals(Status.APPLIED, report.status());
    assertEquals(List.of(new SyncReport.Applied(4, "SDP-4", "created")), report.applied());
    assertEquals(List.of(0, 1, 2, 3), report.exceptions().stream().map(SyncReport.SyncException::index).toList());
    assertEquals("unique id U-SDP-1 belongs to service point SDP-1", report.exceptions().get(0).reason());
    assertTrue(report.exceptions().get(1).reason().contains("a unique id never changes"));
    assertTrue(report.exceptions().get(2).reason().startsWith("meter M1 is at service point SDP-1"));
    assertTrue(report.exceptions().get(3).reason().contains("effectiveFrom 'soon'"));
    // Ending the old relationship first lets the meter move.
    SyncReport move = sync.submit(set(3, SyncSet.Kind.INCREMENTAL, NOW, List.of(
        Map.of("action", "DEACTIVATE", "sdpId", "SDP-1", "effectiveFrom", FEB.toString()),
        record("SDP-3", "M1", "A3", FEB, null))), NOW);
    assertEquals(List.of(), move.exceptions());
    assertEquals("SDP-3", at("SDP-3", FEB).sdpId());
  }

  @Test
  void aSetAtOrBeforeTheLastAppliedSequenceWithoutAClaimIsRejected() {
    sync.submit(set(1, SyncSet.Kind.INCREMENTAL, NOW, List.of()), NOW);
    store.unclaim("cis", 1);
    SyncReport late = sync.submit(set(1, SyncSet.Kind.INCREMENTAL, NOW, List.of(record("SDP-1", "M1", "A1", JAN,
        null))), NOW);
    assertEquals(Status.REJECTED, late.status());
    assertTrue(late.exceptions().get(0).reason().contains("at or before the last applied sequence 1"));
  }

  @Test
  void eachAppliedChangeIsToldWithItsTimelinesAndWhatItsFollowUpCouldNotDoIsAnException() {
    List<String> told = new ArrayList<>();
    MasterDataSync followed = new MasterDataSync(store, Duration.ofMinutes(30), changedMeters::add,
        (before, after, now) -> {
          told.add(after.sdpId() + " " + before.periods().size() + "->" + after.periods().size());
          if (after.sdpId().equals("SDP-2")) {
            throw new IllegalStateException("store down");
          }
          return after.periods().size() > 1 ? List.of("1 day unestimable") : List.of();
        });
    SyncReport first = followed.submit(set(1, SyncSet.Kind.FULL, JAN, List.of(record("SDP-1", "M1", "A1", JAN, null),
        record("SDP-2", "M2", "A2", JAN, null))), NOW);
    assertEquals(List.of("SDP-1 0->1", "SDP-2 0->1"), told);
    assertEquals(List.of(new SyncReport.SyncException(1, "SDP-2",
        "applied, but its follow-up (repost, usage release) failed: store down")), first.exceptions());
    assertEquals(2, first.applied().size());

    SyncReport second = followed.submit(set(2, SyncSet.Kind.INCREMENTAL, JAN, List.of(
        record("SDP-1", "M9", "A1", FEB, null), record("SDP-1", "M9", "A1", FEB, null))), NOW);
    // The second record changes nothing: not told again.
    assertEquals(List.of("SDP-1 0->1", "SDP-2 0->1", "SDP-1 1->2"), told);
    assertEquals(List.of(new SyncReport.SyncException(0, "SDP-1", "1 day unestimable")), second.exceptions());
  }
}
