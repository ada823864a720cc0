package org.adcs.scheduler.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.adcs.scheduler.outage.OutageMonitor.Mode;
import org.adcs.scheduler.outage.OutageMonitor.Transition;
import org.junit.jupiter.api.Test;

class OutageMonitorTest {

  @Test
  void ten_percent_missing_is_a_normal_morning_more_is_an_outage_R_MIS_6() {
    var normal = new OutageMonitor(OutagePolicy.DEFAULT, 500);
    assertTrue(normal.observeScan(1000, 100).isEmpty());
    assertEquals(Mode.NORMAL, normal.mode());
    assertEquals(50, normal.concurrency(50));

    var outage = new OutageMonitor(OutagePolicy.DEFAULT, 500);
    assertEquals(Optional.of(new Transition(Mode.PACED, 0.15)), outage.observeScan(1000, 150));
    assertEquals(4, outage.concurrency(50));
  }

  @Test
  void the_share_is_judged_while_the_scan_streams_once_enough_meters_are_seen() {
    var monitor = new OutageMonitor(OutagePolicy.DEFAULT, 500);
    assertTrue(monitor.observeScan(100, 100).isEmpty(), "one bad first page is no outage yet");
    assertTrue(monitor.observeScan(400, 100).isEmpty());
    assertEquals(Optional.of(new Transition(Mode.PACED, 0.2)), monitor.observeScan(500, 100));
  }

  @Test
  void recovery_runs_at_full_pace_again_once_the_failing_share_halves() {
    var monitor = new OutageMonitor(OutagePolicy.DEFAULT, 500);
    monitor.observeScan(1000, 150);

    for (int i = 0; i < 99; i++) {
      assertTrue(monitor.meterRecovered().isEmpty(), "still above 5 % after " + i);
    }
    assertEquals(Optional.of(new Transition(Mode.NORMAL, 0.05)), monitor.meterRecovered());
    assertEquals(50, monitor.concurrency(50));
  }

  @Test
  void impossible_figures_and_policies_are_refused() {
    var monitor = new OutageMonitor(OutagePolicy.DEFAULT, 500);
    assertThrows(IllegalArgumentException.class, () -> monitor.observeScan(10, 11));
    assertThrows(IllegalStateException.class, monitor::meterRecovered);
    monitor.observeScan(100, 5);
    assertThrows(IllegalArgumentException.class, () -> monitor.observeScan(50, 5), "counts only grow");
    assertThrows(IllegalArgumentException.class, () -> new OutageMonitor(OutagePolicy.DEFAULT, 0));
    var share = assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(1.5, 4));
    assertTrue(share.getMessage().contains("failing share"));
    assertThrows(IllegalArgumentException.class, () -> new OutagePolicy(0.1, 0));
  }
}
