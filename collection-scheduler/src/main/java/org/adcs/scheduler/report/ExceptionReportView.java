package org.adcs.scheduler.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.RecoveryOutcome;

/**
 * The scheduler's exception report of one morning (R-MIS-1, R-MIS-2) read for operators: the meters
 * still missing data (partially recovered or failed), and the recovery outcomes of every meter that
 * had data requested again, each in meter id order so pages are stable.
 */
public final class ExceptionReportView {

  private final ExceptionReport report;
  private final List<ExceptionLine> stillMissing;
  private final List<ExceptionLine> recoveries;

  public ExceptionReportView(ExceptionReport report) {
    this.report = report;
    Comparator<ExceptionLine> byMeter = Comparator.comparing(ExceptionLine::meterId);
    this.stillMissing = report.stillMissing().stream().map(ExceptionLine::of).sorted(byMeter).toList();
    List<ExceptionLine> all = new ArrayList<>(stillMissing);
    report.recovered().stream().map(ExceptionLine::of).forEach(all::add);
    all.sort(byMeter);
    this.recoveries = List.copyOf(all);
  }

  public ExceptionReport report() {
    return report;
  }

  /** The meters with data still missing after recovery. */
  public Slice<ExceptionLine> exceptions(int offset, int limit) {
    return Slice.of(stillMissing, offset, limit);
  }

  /** Every meter recovery was attempted for, optionally of one outcome. */
  public Slice<ExceptionLine> recoveries(Optional<RecoveryOutcome> outcome, int offset, int limit) {
    List<ExceptionLine> lines = outcome.map(o -> recoveries.stream().filter(l -> l.outcome() == o).toList()).orElse(recoveries);
    return Slice.of(lines, offset, limit);
  }
}
