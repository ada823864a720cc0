package org.adcs.mdm.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.bridge.SampleDeliveries;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.vee.VeeLevel;
import org.junit.jupiter.api.Test;

/** The reading check (R-MD-1): off admits everything; on, a day needs a relationship covering it. */
class MasterDataGateTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T06:00:00Z"), ZoneOffset.UTC);
  private final InMemoryMasterDataStore store = new InMemoryMasterDataStore();
  private final MeterCoverage coverage = new MeterCoverage(store, ZoneOffset.ofHours(-5));

  private MasterDataGate gate(boolean enabled) {
    return new MasterDataGate(store, coverage, null, VeeLevel.FULL, CLOCK, enabled);
  }

  @Test
  void offAdmitsEveryDayAndRecordsNothing() {
    CollectedReadings delivery = SampleDeliveries.nightly(new MeterId("M1"), LocalDate.of(2026, 11, 1), 3);
    for (IntervalDay day : delivery.days()) {
      assertTrue(gate(false).admit(day, delivery));
    }
    assertEquals(List.of(), store.rejected(Optional.empty(), 100));
  }

  @Test
  void onRejectsADayNoRelationshipCoversInTheMetersStandardTimeAndNamesTheMeter() {
    // The relationship begins at 02:00 UTC on 2 November: 21:00 on 1 November in the meters' time (-05:00).
    store.save(ServicePointTimeline.empty("SDP-1").overlay(new Period(Instant.parse("2026-11-02T02:00:00Z"),
        Optional.empty(), new ServicePointState("SDP-1", "U-1", "M1", "", "", "", "", List.of()))), "U-1");
    MasterDataGate gate = gate(true);
    CollectedReadings covered = SampleDeliveries.nightly(new MeterId("M1"), LocalDate.of(2026, 11, 1), 3);
    assertTrue(gate.admit(covered.days().get(0), covered));
    CollectedReadings before = SampleDeliveries.nightly(new MeterId("M1"), LocalDate.of(2026, 10, 31), 2);
    assertFalse(gate.admit(before.days().get(0), before));
    CollectedReadings other = SampleDeliveries.nightly(new MeterId("M2"), LocalDate.of(2026, 11, 1), 5);
    assertFalse(gate.admit(other.days().get(0), other));

    List<RejectedReading> rejected = store.rejected(Optional.empty(), 100);
    assertEquals(2, rejected.size());
    RejectedReading m2 = store.rejected(Optional.of("M2"), 100).get(0);
    assertEquals(new RejectedReading("M2", LocalDate.of(2026, 11, 1), other.days().get(0).channel().name(),
        other.days().get(0).channel().unit(), 5, other.postedAt(), CLOCK.instant(),
        "meter M2 is not synchronised: no service point relationship covers 2026-11-01"), m2);
  }
}
