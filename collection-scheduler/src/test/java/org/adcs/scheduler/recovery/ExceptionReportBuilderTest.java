package org.adcs.scheduler.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionReportBuilderTest {

  private static final LocalDate DAY = LocalDate.of(2026, 2, 1);

  private static MeterRecoveryResult line(String meter, RecoveryOutcome outcome, int daysMissing, int daysRecovered, int failures) {
    List<LocalDate> missing = java.util.stream.IntStream.range(0, daysMissing).mapToObj(DAY::minusDays).toList();
    return new MeterRecoveryResult(meter, missing, missing.subList(0, daysRecovered), daysMissing * 96, daysRecovered * 96, failures, outcome, "p");
  }

  @Test
  void statistics_count_total_on_schedule_recovered_partial_and_failed_R_MIS_1() {
    var builder = new ExceptionReportBuilder(DAY, Instant.parse("2026-02-02T08:00:00Z"));
    for (int i = 0; i < 95; i++) {
      builder.onSchedule();
    }
    builder.add(line("r1", RecoveryOutcome.RECOVERED, 1, 1, 0));
    builder.add(line("r2", RecoveryOutcome.RECOVERED, 2, 2, 2));
    builder.add(line("p1", RecoveryOutcome.PARTIALLY_RECOVERED, 3, 1, 1));
    builder.add(line("f1", RecoveryOutcome.FAILED, 3, 0, 9));
    builder.add(line("f2", RecoveryOutcome.FAILED, 1, 0, 3));

    ExceptionReport report = builder.build(Instant.parse("2026-02-02T08:30:00Z"), true);

    ExceptionStatistics stats = report.statistics();
    assertEquals(100, stats.total());
    assertEquals(95, stats.onSchedule());
    assertEquals(2, stats.recovered());
    assertEquals(1, stats.partiallyRecovered());
    assertEquals(2, stats.failed());
    assertEquals(5, stats.attempted());
    assertEquals(2, stats.intermittent());
    assertEquals(10, stats.daysMissing());
    assertEquals(4, stats.daysRecovered());
    assertEquals(List.of("p1", "f1", "f2"), report.stillMissing().stream().map(MeterRecoveryResult::meterId).toList());
    assertEquals(List.of("r1", "r2"), report.recovered().stream().map(MeterRecoveryResult::meterId).toList());
    // The previous day (DAY) was missing for all five and came back for r1, r2 and p1 (its first day recovered).
    assertEquals(new ExceptionStatistics.PreviousDay(100, 95, 3, 2), stats.previousDay());
  }
}
