package org.adcs.headend.api.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;
import org.adcs.mdm.billing.BillingCalendar;
import org.junit.jupiter.api.Test;

/** The billing calendar and thresholds from {@code adcs.billing}, and a clear error for each bad setting. */
class BillingConfigTest {

  private static final Config SHIPPED = ConfigFactory.parseResources("application.conf").resolve();

  private static BillingConfig read(Config config) {
    return BillingConfig.from(new SettingReader(config), ZoneOffset.ofHours(-5));
  }

  private static InvalidSettingException refused(String path, Object value) {
    return assertThrows(InvalidSettingException.class, () -> read(SHIPPED.withValue("adcs.billing." + path,
        ConfigValueFactory.fromAnyRef(value))));
  }

  @Test
  void theShippedSettingsGiveTheDocumentedCalendar() {
    BillingConfig config = read(SHIPPED);
    BillingCalendar calendar = config.settings().calendar();
    assertEquals(ZoneId.of("America/Toronto"), calendar.zone());
    assertEquals(Duration.ofMinutes(10), config.cycleCheck());
    assertEquals(0, new BigDecimal("0.02").compareTo(config.settings().sumCheckRelative()));
    // A summer weekday (Wednesday 3 July 2024) at 12:00 is on-peak, a winter one (Wednesday 10 January) mid-peak
    // at 9 and on-peak at 18; a Saturday is off-peak all day.
    assertEquals("on-peak", calendar.bin(LocalDate.of(2024, 7, 3), 12, false));
    assertEquals("mid-peak", calendar.bin(LocalDate.of(2024, 1, 10), 9, false));
    assertEquals("on-peak", calendar.bin(LocalDate.of(2024, 1, 10), 18, false));
    assertEquals(BillingCalendar.OFF_PEAK, calendar.bin(LocalDate.of(2024, 1, 13), 18, false));
    assertEquals("winter", calendar.season(LocalDate.of(2024, 4, 30)).name());
    assertEquals("summer", calendar.season(LocalDate.of(2024, 5, 1)).name());
  }

  @Test
  void holidaysAndCriticalPeakDaysAreRead() {
    Config config = SHIPPED.withValue("adcs.billing.holidays", ConfigValueFactory.fromIterable(
        java.util.List.of("2024-07-01"))).withValue("adcs.billing.critical-peak-days",
        ConfigValueFactory.fromIterable(java.util.List.of("2024-07-03")));
    BillingCalendar calendar = read(config).settings().calendar();
    assertEquals(BillingCalendar.OFF_PEAK, calendar.bin(LocalDate.of(2024, 7, 1), 12, false));
    assertEquals(BillingCalendar.CRITICAL_PEAK, calendar.bin(LocalDate.of(2024, 7, 3), 15, true));
    assertEquals("on-peak", calendar.bin(LocalDate.of(2024, 7, 3), 15, false));
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertTrue(refused("zone", "Mars/Olympus").getMessage().contains("adcs.billing.zone"));
    assertTrue(refused("seasons", java.util.List.of("winter")).getMessage().contains("adcs.billing.seasons"));
    refused("seasons", java.util.List.of("winter 13-40 on-peak=7-11"));
    refused("seasons", java.util.List.of("winter 11-01 on-peak=7-11 mid-peak=10-12"));
    refused("seasons", java.util.List.of("winter 11-01 on-peak=19-7"));
    refused("seasons", java.util.List.of());
    refused("holidays", java.util.List.of("next monday"));
    refused("critical-peak-hours", "afternoon");
    refused("sum-check-relative", "1.5");
    refused("sum-check-absolute", "-1");
    refused("sum-check-absolute", "half");
    refused("cycle-check", "12h");
  }
}
