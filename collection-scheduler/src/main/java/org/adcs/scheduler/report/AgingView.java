package org.adcs.scheduler.report;

import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.trouble.AgingReport;

/**
 * The trouble desk's aging report (R-MIS-4) for operators: the open reports oldest first, optionally
 * only those of one age bucket, with the bucket counts of all.
 */
public final class AgingView {

  private final AgingReport report;

  public AgingView(AgingReport report) {
    this.report = report;
  }

  public AgingReport report() {
    return report;
  }

  public Slice<AgingReport.Line> lines(Optional<AgingReport.Bucket> bucket, int offset, int limit) {
    List<AgingReport.Line> lines = bucket.map(b -> report.lines().stream().filter(l -> l.bucket() == b).toList())
        .orElse(report.lines());
    return Slice.of(lines, offset, limit);
  }
}
