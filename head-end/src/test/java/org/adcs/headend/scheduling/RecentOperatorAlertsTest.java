package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.headend.alerts.Notice;
import org.adcs.headend.alerts.Notices;
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

  @Test
  void everyAlertAndEveryReadSideNoticeReachesTheOperatorsNotifications() {
    var alerts = new RecentOperatorAlerts(2);
    List<Notice> received = new ArrayList<>();
    Notices readSide = alerts.notices(); // handed out before the destination is known, as to the projection
    alerts.raise(new OperatorAlert.OutageSuspected(Instant.parse("2026-11-22T13:00:00Z"), 0.15, 0.10, 4));
    assertEquals(List.of(), received, "nothing forwarded before a destination is named");
    alerts.forwardTo(received::add);
    alerts.raise(new OperatorAlert.OutageSuspected(Instant.parse("2026-11-22T14:00:00Z"), 0.15, 0.10, 4));
    alerts.raise(new OperatorAlert.OutageCleared(Instant.parse("2026-11-22T14:30:00Z"), 0.02));
    Notice clock = new Notice("clock-error:M1:7", Notice.Kind.CLOCK_ERROR, Optional.of("M1"),
        Instant.parse("2026-11-22T15:00:00Z"), "meter clock 200 s off");
    readSide.raise(clock);
    assertEquals(3, received.size());
    assertEquals(Notice.Kind.OUTAGE_SUSPECTED, received.get(0).kind());
    assertEquals("outage-suspected:2026-11-22T14:00:00Z", received.get(0).key());
    assertTrue(received.get(0).detail().contains("15.0 % of meters failing (threshold 10.0 %)"), received.get(0).detail());
    assertEquals(Notice.Kind.OUTAGE_CLEARED, received.get(1).kind());
    assertEquals(clock, received.get(2));
  }
}
