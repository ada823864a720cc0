package org.adcs.headend.scheduling;

import java.util.ArrayDeque;
import java.util.List;
import org.adcs.scheduler.port.OperatorAlert;
import org.adcs.scheduler.port.OperatorAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator alerts from the scheduler (R-MIS-6): one structured log line each, {@code operator: ...},
 * for the log pipeline to route, and the most recent ones kept for a quick look (bounded; the log is
 * the full record).
 */
public final class RecentOperatorAlerts implements OperatorAlerts {

  private static final Logger log = LoggerFactory.getLogger("operator");

  private final int keep;
  private final ArrayDeque<OperatorAlert> recent;

  public RecentOperatorAlerts(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("must keep at least one alert, was " + keep);
    }
    this.keep = keep;
    this.recent = new ArrayDeque<>(keep);
  }

  @Override
  public void raise(OperatorAlert alert) {
    if (alert instanceof OperatorAlert.OutageSuspected a) {
      log.warn("operator: outage suspected at={} failing-share={} threshold={} recovery-paced-to={}", a.at(),
          String.format("%.3f", a.failingShare()), a.threshold(), a.pacedConcurrency());
    } else if (alert instanceof OperatorAlert.OutageCleared a) {
      log.info("operator: outage cleared at={} failing-share={} recovery at full pace", a.at(), String.format("%.3f", a.failingShare()));
    } else {
      log.warn("operator: {}", alert);
    }
    synchronized (recent) {
      if (recent.size() == keep) {
        recent.removeFirst();
      }
      recent.addLast(alert);
    }
  }

  /** The most recent alerts, oldest first. */
  public List<OperatorAlert> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
