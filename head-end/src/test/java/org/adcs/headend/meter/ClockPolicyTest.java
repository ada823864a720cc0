package org.adcs.headend.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** R-CLK-1 and R-CLK-2: which drifts are corrected, when, and which raise a clock event. */
class ClockPolicyTest {

  private final ClockPolicy policy = ClockPolicy.defaults();
  private final LocalDateTime midInterval = LocalDateTime.of(2026, 11, 22, 2, 7, 30);

  @Test
  void driftWithinTwentySecondsIsLeftAlone() {
    var decision = policy.decide(midInterval.plusSeconds(19), midInterval);
    assertInstanceOf(ClockPolicy.InTolerance.class, decision);
  }

  @Test
  void driftBetweenTwentyAndHundredTwentySecondsIsCorrected_R_CLK_1() {
    var decision = assertInstanceOf(ClockPolicy.Correct.class, policy.decide(midInterval.minusSeconds(30), midInterval));
    assertEquals(Duration.ofSeconds(-30), decision.drift());
  }

  @Test
  void driftOverHundredTwentySecondsRaisesAClockEventInsteadOfCorrecting_R_CLK_1() {
    var decision = policy.decide(midInterval.plusSeconds(200), midInterval);
    assertEquals(Duration.ofSeconds(200), assertInstanceOf(ClockPolicy.RaiseClockEvent.class, decision).drift());
  }

  @Test
  void correctionNearAnIntervalBoundaryWaitsUntilTheGuardHasPassed_R_CLK_2() {
    // System time 02:14:50 is 10 s before the 02:15 boundary; the meter reads 02:15:30 (40 s fast).
    LocalDateTime now = LocalDateTime.of(2026, 11, 22, 2, 14, 50);
    var later = assertInstanceOf(ClockPolicy.CorrectLater.class, policy.decide(now.plusSeconds(40), now));
    // Our clock is clear at 02:15:30; the meter's (02:15:30 now) is clear of its boundary once past 02:15:30 meter time.
    assertEquals(LocalDateTime.of(2026, 11, 22, 2, 15, 30), later.notBefore());
    assertEquals(Duration.ofSeconds(40), later.drift());
  }

  @Test
  void meterClockNearItsOwnBoundaryAlsoDelaysTheCorrection() {
    // System time mid-interval, but the meter (25 s slow) sits 5 s after its own 02:00 boundary.
    LocalDateTime now = LocalDateTime.of(2026, 11, 22, 2, 0, 30);
    var later = assertInstanceOf(ClockPolicy.CorrectLater.class, policy.decide(now.minusSeconds(25), now));
    assertEquals(LocalDateTime.of(2026, 11, 22, 2, 0, 55), later.notBefore());
  }
}
