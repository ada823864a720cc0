package org.adcs.scheduler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.ExceptionReportBuilder;
import org.adcs.scheduler.recovery.MeterRecoveryResult;
import org.adcs.scheduler.recovery.RecoveryOutcome;
import org.junit.jupiter.api.Test;

/** The exception and recovery report lines (R-MIS-1, R-MIS-2) as operators page through them. */
class ExceptionReportViewTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 29);

  private static LocalDate d(int back) {
    return DAY.minusDays(back);
  }

  private static ExceptionReport report(List<MeterRecoveryResult> results, int onSchedule) {
    ExceptionReportBuilder builder = new ExceptionReportBuilder(DAY, Instant.parse("2026-03-30T07:00:00Z"));
    for (int i = 0; i < onSchedule; i++) {
      builder.onSchedule();
    }
    results.forEach(builder::add);
    return builder.build(Instant.parse("2026-03-30T07:30:00Z"), true);
  }

  @Test
  void missingDaysAreClassifiedAsOneDayConsecutiveOrNot() {
    assertEquals(MissingPattern.NONE, MissingPattern.of(MissingPattern.ranges(List.of())));
    assertEquals(MissingPattern.SINGLE_DAY, MissingPattern.of(MissingPattern.ranges(List.of(d(0)))));
    assertEquals(MissingPattern.CONSECUTIVE, MissingPattern.of(MissingPattern.ranges(List.of(d(0), d(2), d(1)))));
    List<DayRange> split = MissingPattern.ranges(List.of(d(0), d(1), d(4), d(9), d(9)));
    assertEquals(List.of(DayRange.of(d(9)), DayRange.of(d(4)), new DayRange(d(1), d(0))), split);
    assertEquals(MissingPattern.NON_CONSECUTIVE, MissingPattern.of(split));
  }

  @Test
  void exceptionsAreTheMetersStillMissingAndRecoveriesEveryAttempt() {
    var failed = new MeterRecoveryResult("m-3", List.of(d(0), d(1), d(2)), List.of(), 288, 0, 3, RecoveryOutcome.FAILED, "");
    var partial = new MeterRecoveryResult("m-1", List.of(d(0), d(5)), List.of(d(5)), 192, 96, 1,
        RecoveryOutcome.PARTIALLY_RECOVERED, "on-demand");
    var recovered = new MeterRecoveryResult("m-2", List.of(d(0)), List.of(d(0)), 96, 96, 2, RecoveryOutcome.RECOVERED, "on-demand");
    var view = new ExceptionReportView(report(List.of(failed, partial, recovered), 7));

    Slice<ExceptionLine> exceptions = view.exceptions(0, 100);
    assertEquals(List.of("m-1", "m-3"), exceptions.lines().stream().map(ExceptionLine::meterId).toList());
    ExceptionLine m1 = exceptions.lines().get(0);
    assertEquals(MissingPattern.NON_CONSECUTIVE, m1.pattern());
    assertEquals(2, m1.daysMissing());
    assertEquals(1, m1.daysRecovered());
    assertEquals(List.of(DayRange.of(d(0))), m1.stillMissingRanges());
    assertTrue(m1.intermittent(), "a read failure on the way to a partial recovery");
    ExceptionLine m3 = exceptions.lines().get(1);
    assertEquals(MissingPattern.CONSECUTIVE, m3.pattern());
    assertEquals(List.of(new DayRange(d(2), d(0))), m3.missingRanges());
    assertFalse(m3.intermittent(), "a meter that never answered is not intermittent");

    assertEquals(3, view.recoveries(Optional.empty(), 0, 100).total());
    assertEquals(List.of("m-2"), view.recoveries(Optional.of(RecoveryOutcome.RECOVERED), 0, 100).lines().stream()
        .map(ExceptionLine::meterId).toList());
    assertEquals(10, view.report().statistics().total());
    assertEquals(3, view.report().statistics().attempted());
  }

  @Test
  void pagesFollowEachOtherAndTheLastHasNoNext() {
    List<MeterRecoveryResult> failed = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      failed.add(new MeterRecoveryResult(String.format("m-%02d", i), List.of(d(0)), List.of(), 96, 0, 3, RecoveryOutcome.FAILED, ""));
    }
    var view = new ExceptionReportView(report(failed, 0));
    Slice<ExceptionLine> first = view.exceptions(0, 10);
    assertEquals("m-00", first.lines().get(0).meterId());
    assertEquals(10, first.nextOffset().orElseThrow());
    Slice<ExceptionLine> last = view.exceptions(20, 10);
    assertEquals(5, last.lines().size());
    assertTrue(last.nextOffset().isEmpty());
    assertTrue(view.exceptions(40, 10).lines().isEmpty());
    assertThrows(IllegalArgumentException.class, () -> view.exceptions(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> view.exceptions(0, Slice.MAX_LIMIT + 1));
  }

  @Test
  void aMorningWithNothingMissingHasNoLines() {
    var view = new ExceptionReportView(report(List.of(), 5));
    assertEquals(0, view.exceptions(0, 10).total());
    assertEquals(0, view.recoveries(Optional.empty(), 0, 10).total());
    assertEquals(5, view.report().statistics().onSchedule());
  }
}
