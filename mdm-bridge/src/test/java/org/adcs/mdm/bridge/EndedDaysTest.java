package org.adcs.mdm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.adcs.mdm.metrics.BridgeMetrics;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.junit.jupiter.api.Test;

/** R-OD-1: only days that had ended when read are validated; today's intervals since midnight stay raw. */
class EndedDaysTest {

  private static final MeterId METER = new MeterId("SIM00000003");
  private static final LocalDate DAY = LocalDate.of(2026, 11, 18);

  private static IntervalDay importsReadAt(Instant readAt) {
    return Deliveries.onDemand(METER, DAY, 1, readAt).days().get(0);
  }

  private static CollectedReadings delivery(IntervalDay day) {
    return new CollectedReadings(METER, day.revision(), day.readAt(), List.of(day), List.of(), List.of());
  }

  @Test
  void aDayReadAtTenIsNotEndedAndIsCounted() {
    EndedDays gate = new EndedDays(ZoneOffset.UTC);
    IntervalDay morning = importsReadAt(DAY.atTime(10, 0).toInstant(ZoneOffset.UTC));
    double before = BridgeMetrics.DAYS_NOT_ENDED.get();

    assertFalse(gate.admit(morning, delivery(morning)));
    assertEquals(1, BridgeMetrics.DAYS_NOT_ENDED.get() - before);
  }

  @Test
  void aDayEndsAtTheNextMidnightOfStandardTime() {
    EndedDays gate = new EndedDays(ZoneOffset.UTC);
    Instant end = DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    assertFalse(gate.ended(importsReadAt(end.minusNanos(1_000_000))));
    assertTrue(gate.ended(importsReadAt(end)), "its last interval ends exactly at the read");
    assertTrue(gate.ended(importsReadAt(end.plusSeconds(8400))));
  }

  @Test
  void theMetersStandardTimeDecidesNotUtc() {
    // 23:30 UTC on the day is 00:30 the next day in UTC+1, and 18:30 in UTC-5.
    IntervalDay lateEvening = importsReadAt(DAY.atTime(23, 30).toInstant(ZoneOffset.UTC));

    assertTrue(new EndedDays(ZoneOffset.ofHours(1)).ended(lateEvening));
    assertFalse(new EndedDays(ZoneOffset.UTC).ended(lateEvening));
    assertFalse(new EndedDays(ZoneOffset.ofHours(-5)).ended(lateEvening));
  }

  @Test
  void aDayNotEndedNeverReachesTheNextGate() {
    List<IntervalDay> offered = new ArrayList<>();
    PostingGate recording = (day, delivery) -> offered.add(day);
    PostingGate gates = new EndedDays(ZoneOffset.UTC).andThen(recording);
    IntervalDay morning = importsReadAt(DAY.atTime(10, 0).toInstant(ZoneOffset.UTC));
    IntervalDay nextMorning = importsReadAt(DAY.plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC));

    assertFalse(gates.admit(morning, delivery(morning)));
    assertTrue(gates.admit(nextMorning, delivery(nextMorning)));
    assertEquals(List.of(nextMorning), offered, "a master-data gate would hold (and re-post) only the ended day");
  }
}
