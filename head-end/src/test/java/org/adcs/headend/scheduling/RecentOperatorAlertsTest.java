package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.adcs.scheduler.port.OperatorAlert;
import org.junit.jupiter.api.Test;

class RecentOperatorAlertsTest {

  @Test
  void keepsOnlyTheMostRecentAlertsOldestFirst_R_MIS_6() {
    var alerts = new RecentOperatorAlerts(2);
    var first = new OperatorAlert.OutageSuspected(Instant.parse("2026-11-22T13:00:00Z"), 0.15, 0.10, 4);
    var second = new OperatorAlert.OutageCleared(Instant.parse("2026-11-22T13:30:00Z"), 0.02);
    var third = new OperatorAlert.OutageSuspected(Instant.parse("2026-11-22T14:00:00Z"), 0.2, 0.10, 4);
    alerts.raise(first);
    assertEquals(List.of(first), alerts.recent());
    alerts.raise(second);
    alerts.raise(third);
    assertEquals(List.of(second, third), alerts.recent());
  }
}
