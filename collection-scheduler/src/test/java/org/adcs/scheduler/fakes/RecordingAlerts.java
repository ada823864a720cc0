package org.adcs.scheduler.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adcs.scheduler.port.OperatorAlert;
import org.adcs.scheduler.port.OperatorAlerts;

/** Keeps every operator alert for the test to inspect. */
public final class RecordingAlerts implements OperatorAlerts {

  private final List<OperatorAlert> alerts = new CopyOnWriteArrayList<>();

  @Override
  public void raise(OperatorAlert alert) {
    alerts.add(alert);
  }

  public List<OperatorAlert> alerts() {
    return List.copyOf(alerts);
  }
}
