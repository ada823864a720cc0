package org.adcs.scheduler.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Accumulates a completeness run into its exception report; holds counts plus one line per exception meter. */
public final class ExceptionReportBuilder {

  private final LocalDate previousDay;
  private final Instant started;
  private long total;
  private long onSchedule;
  private long recovered;
  private long partial;
  private long failed;
  private long intermittent;
  private long daysMissing;
  private long daysRecovered;
  private long intervalsRecovered;
  private long previousDayMissing;
  private long previousDayRecovered;
  private final List<MeterRecoveryResult> stillMissing = new ArrayList<>();
  private final List<MeterRecoveryResult> recoveredLines = new ArrayList<>();

  public ExceptionReportBuilder(LocalDate previousDay, Instant started) {
    this.previousDay = previousDay;
    this.started = started;
  }

  /** A meter with nothing missing: counted, no line. */
  public void onSchedule() {
    total++;
    onSchedule++;
  }

  public void add(MeterRecoveryResult result) {
    if (result.outcome() == RecoveryOutcome.ON_SCHEDULE) {
      onSchedule();
      return;
    }
    total++;
    if (result.daysMissing().contains(previousDay)) {
      previousDayMissing++;
      if (result.daysRecovered().contains(previousDay)) {
        previousDayRecovered++;
      }
    }
    daysMissing += result.daysMissing().size();
    daysRecovered += result.daysRecovered().size();
    intervalsRecovered += result.intervalsRecovered();
    if (result.intermittent()) {
      intermittent++;
    }
    switch (result.outcome()) {
      case RECOVERED -> {
        recovered++;
        recoveredLines.add(result);
      }
      case PARTIALLY_RECOVERED -> {
        partial++;
        stillMissing.add(result);
      }
      case FAILED -> {
        failed++;
        stillMissing.add(result);
      }
      case ON_SCHEDULE -> throw new AssertionError("handled above");
    }
  }

  public long total() {
    return total;
  }

  public ExceptionReport build(Instant finished, boolean scanComplete) {
    var yesterday = new ExceptionStatistics.PreviousDay(total, total - previousDayMissing, previousDayRecovered,
        previousDayMissing - previousDayRecovered);
    var stats = new ExceptionStatistics(total, onSchedule, recovered, partial, failed, intermittent, daysMissing, daysRecovered,
        intervalsRecovered, yesterday);
    return new ExceptionReport(previousDay, started, finished, scanComplete, stats, stillMissing, recoveredLines);
  }
}
