package org.adcs.headend.scheduling;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.adcs.headend.alerts.Notice;
import org.adcs.headend.alerts.Notices;
import org.adcs.scheduler.port.OperatorAlert;
import org.adcs.scheduler.port.OperatorAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator alerts from the scheduler (R-MIS-6): one structured log line each, {@code operator: ...},
 * for the log pipeline to route, and the most recent ones kept for a quick look (bounded; the log is
 * the full record). Each alert is also handed on as a {@link Notice} for operators to acknowledge,
 * once {@link #forwardTo} names where (the head-end's durable notifications).
 */
public final class RecentOperatorAlerts implements OperatorAlerts {

  private static final Logger log = LoggerFactory.getLogger("operator");

  private final int keep;
  private final ArrayDeque<OperatorAlert> recent;
  private volatile Notices notices = Notices.NONE;

  public RecentOperatorAlerts(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("must keep at least one alert, was " + keep);
    }
    this.keep = keep;
    this.recent = new ArrayDeque<>(keep);
  }

  /** Where alerts, and the notices of the scheduling read side ({@link #notices()}), go from now on. */
  public void forwardTo(Notices sink) {
    this.notices = sink;
  }

  /** Notices raised through here reach whatever {@link #forwardTo} named last. */
  public Notices notices() {
    return notice -> notices.raise(notice);
  }

  @Override
  public void raise(OperatorAlert alert) {
    notices.raise(notice(alert));
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

  static Notice notice(OperatorAlert alert) {
    if (alert instanceof OperatorAlert.OutageSuspected a) {
      return new Notice("outage-suspected:" + a.at(), Notice.Kind.OUTAGE_SUSPECTED, Optional.empty(), a.at(),
          String.format(Locale.ROOT, "outage suspected: %.1f %% of meters failing (threshold %.1f %%); recovery paced to %d reads"
              + " at a time", a.failingShare() * 100, a.threshold() * 100, a.pacedConcurrency()));
    }
    OperatorAlert.OutageCleared a = (OperatorAlert.OutageCleared) alert; // the interface is sealed: the other kind
    return new Notice("outage-cleared:" + a.at(), Notice.Kind.OUTAGE_CLEARED, Optional.empty(), a.at(),
        String.format(Locale.ROOT, "outage cleared: %.1f %% of meters failing; recovery at full pace", a.failingShare() * 100));
  }

  /** The most recent alerts, oldest first. */
  public List<OperatorAlert> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }
}
