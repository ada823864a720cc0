package org.adcs.scheduler.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.port.ReadOutcome;
import org.junit.jupiter.api.Test;

class MeterRecoveryTest {

  private static final IntervalGrid GRID = new IntervalGrid(ZoneOffset.UTC, Duration.ofMinutes(15));
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 1, 20);
  private static final DayRange WINDOW = new DayRange(YESTERDAY.minusDays(44), YESTERDAY);

  private static RecoveryPlan twoSeparateDaysMissing() {
    DaySet complete = DaySet.all(YESTERDAY, 45).without(YESTERDAY).without(YESTERDAY.minusDays(5));
    return new RecoveryPlanner(GRID).plan(new MeterCompleteness("m-1", complete, Map.of()), WINDOW);
  }

  @Test
  void a_range_that_fails_is_requested_three_times_and_then_given_up_R_MIS_1() {
    var recovery = new MeterRecovery(twoSeparateDaysMissing(), 3);
    MissingRange first = recovery.next().orElseThrow();

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertEquals(first, recovery.next().orElseThrow());
      assertEquals(attempt, recovery.nextAttemptNumber());
      assertTrue(recovery.record(new ReadOutcome.Failed("m-1", "no answer")));
    }
    MissingRange second = recovery.next().orElseThrow();
    assertEquals(DayRange.of(YESTERDAY), second.days());
    recovery.record(new ReadOutcome.Collected("m-1", 96, 96, "tcp:node-1"));

    assertTrue(recovery.next().isEmpty());
    MeterRecoveryResult result = recovery.result();
    assertEquals(RecoveryOutcome.PARTIALLY_RECOVERED, result.outcome());
    assertEquals(List.of(YESTERDAY), result.daysRecovered());
    assertEquals(List.of(YESTERDAY.minusDays(5)), result.daysStillMissing());
    assertEquals(3, result.readFailures());
    assertEquals("tcp:node-1", result.lastPath());
  }

  @Test
  void an_intermittent_meter_recovers_fully_and_reports_its_read_failures_R_MIS_2() {
    var recovery = new MeterRecovery(twoSeparateDaysMissing(), 3);
    recovery.record(new ReadOutcome.Failed("m-1", "timeout"));
    recovery.record(new ReadOutcome.Collected("m-1", 96, 96, "tcp:node-1"));
    recovery.record(new ReadOutcome.Collected("m-1", 96, 96, "tcp:node-2"));

    MeterRecoveryResult result = recovery.result();

    assertTrue(recovery.next().isEmpty());
    assertEquals(RecoveryOutcome.RECOVERED, result.outcome());
    assertEquals(1, result.readFailures());
    assertTrue(result.intermittent());
    assertEquals(192, result.intervalsRecovered());
  }

  @Test
  void a_short_answer_is_retried_and_the_best_answer_counts() {
    LocalDate day = YESTERDAY;
    DaySet complete = DaySet.all(YESTERDAY, 45).without(day);
    var meter = new MeterCompleteness("m-2", complete, Map.of(day, IntervalSet.none(96).withRange(0, 90)));
    var recovery = new MeterRecovery(new RecoveryPlanner(GRID).plan(meter, WINDOW), 3);

    recovery.record(new ReadOutcome.Collected("m-2", 6, 4, "p"));
    assertTrue(recovery.next().isPresent(), "4 of 6 intervals is not the range recovered");
    recovery.record(new ReadOutcome.Collected("m-2", 6, 2, "p"));
    recovery.record(new ReadOutcome.Failed("m-2", "timeout"));

    MeterRecoveryResult result = recovery.result();
    assertTrue(recovery.next().isEmpty());
    assertEquals(RecoveryOutcome.PARTIALLY_RECOVERED, result.outcome());
    assertEquals(4, result.intervalsRecovered());
    assertEquals(6, result.intervalsMissing());
    assertEquals(1, result.readFailures());
    assertTrue(result.intermittent());
  }

  @Test
  void a_meter_that_never_answers_fails_after_all_attempts_on_all_ranges() {
    var recovery = new MeterRecovery(twoSeparateDaysMissing(), 3);
    int requests = 0;
    while (recovery.next().isPresent()) {
      recovery.record(new ReadOutcome.Failed("m-1", "no answer"));
      requests++;
    }
    assertEquals(6, requests);
    assertEquals(RecoveryOutcome.FAILED, recovery.result().outcome());
    assertFalse(recovery.result().intermittent());
  }
}
