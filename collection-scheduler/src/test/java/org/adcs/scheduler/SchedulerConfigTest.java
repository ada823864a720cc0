package org.adcs.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SchedulerConfigTest {

  private static SchedulerConfig load(String overrides) {
    Config config = ConfigFactory.parseString(overrides).withFallback(ConfigFactory.defaultReference()).resolve();
    return SchedulerConfig.from(config);
  }

  @Test
  void the_defaults_are_the_requirements_figures() {
    SchedulerConfig config = load("");

    assertEquals(SchedulerSettings.DEFAULT, config.settings());
    assertEquals(LocalTime.of(0, 1), config.settings().window().start());
    assertEquals(24, config.settings().window().groupCount());
    assertEquals(java.time.Duration.ofMinutes(5), config.settings().window().readTimeMargin(), "read times clear of a slot's last 5 minutes");
    assertEquals(ZoneOffset.ofHours(-5), config.grid().standardOffset());
    assertEquals(96, config.grid().intervalsPerDay());
    assertEquals(0.10, config.outage().failingShare());
    assertEquals(Duration.ofMinutes(4), config.workload().requestTimeout());
    assertEquals(DayOfWeek.SUNDAY, config.settings().rebalanceDay());
    assertFalse(config.raisePickupOnOpen());
  }

  @Test
  void overrides_are_taken() {
    SchedulerConfig config = load("adcs.scheduler { rebalance.share = 0.2, rebalance.day = monday, standard-offset = \"-08:00\","
        + " trouble.raise-pickup-on-open = on }");

    assertEquals(0.2, config.settings().rebalancePolicy().share());
    assertEquals(DayOfWeek.MONDAY, config.settings().rebalanceDay());
    assertEquals(ZoneOffset.ofHours(-8), config.grid().standardOffset());
    assertTrue(config.raisePickupOnOpen());
  }

  @Test
  void a_wrong_value_fails_with_its_path_and_reason() {
    var share = assertThrows(IllegalArgumentException.class, () -> load("adcs.scheduler.rebalance.share = 1.5"));
    assertTrue(share.getMessage().contains("adcs.scheduler.rebalance") && share.getMessage().contains("share"), share.getMessage());

    var zone = assertThrows(IllegalArgumentException.class, () -> load("adcs.scheduler.standard-offset = \"America/Toronto\""));
    assertTrue(zone.getMessage().contains("fixed offset"), zone.getMessage());

    var time = assertThrows(IllegalArgumentException.class, () -> load("adcs.scheduler.assignment.at = \"9pm\""));
    assertTrue(time.getMessage().contains("assignment.at"), time.getMessage());

    var inWindow = assertThrows(IllegalArgumentException.class, () -> load("adcs.scheduler.assignment.at = \"03:00\""));
    assertTrue(inWindow.getMessage().contains("falls in the collection window"), inWindow.getMessage());

    var notANumber = assertThrows(IllegalArgumentException.class, () -> load("adcs.scheduler.workload.permits = many"));
    assertTrue(notANumber.getMessage().contains("adcs.scheduler.workload"), notANumber.getMessage());

    var day = assertThrows(IllegalArgumentException.class, () -> load("adcs.scheduler.rebalance.day = someday"));
    assertTrue(day.getMessage().contains("day of the week"), day.getMessage());
  }
}
