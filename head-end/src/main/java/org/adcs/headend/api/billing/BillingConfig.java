package org.adcs.headend.api.billing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;
import org.adcs.mdm.billing.BillingCalendar;
import org.adcs.mdm.billing.BillingCalendar.HourWindow;
import org.adcs.mdm.billing.BillingSettings;

/**
 * Billing quantities' settings ({@code adcs.billing}, R-MD-4): the calendar time-of-use and critical
 * peak follow, the sum check's thresholds and how often billing cycles are looked at.
 *
 * @param cycleCheck how often the node that runs billing cycles looks for due ones
 */
public record BillingConfig(BillingSettings settings, Duration cycleCheck) {

  private static final String P = "adcs.billing.";

  public static BillingConfig from(SettingReader read, ZoneOffset standardTime) {
    ZoneId zone;
    try {
      zone = ZoneId.of(read.nonBlank(P + "zone").strip());
    } catch (DateTimeException e) {
      throw new InvalidSettingException(P + "zone", "expected a time zone such as America/Toronto");
    }
    List<BillingCalendar.Season> seasons = new ArrayList<>();
    for (String text : read.strings(P + "seasons")) {
      seasons.add(season(text));
    }
    BillingCalendar calendar;
    try {
      calendar = new BillingCalendar(zone, seasons, dates(read, P + "holidays"), dates(read, P + "critical-peak-days"),
          hours(P + "critical-peak-hours", read.nonBlank(P + "critical-peak-hours")));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(P + "seasons", e.getMessage());
    }
    BigDecimal relative = decimal(read, P + "sum-check-relative");
    if (relative.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidSettingException(P + "sum-check-relative", "must be a share from 0 to 1, found " + relative);
    }
    Duration check = read.duration(P + "cycle-check");
    if (check.compareTo(Duration.ofSeconds(1)) < 0 || check.compareTo(Duration.ofHours(6)) > 0) {
      throw new InvalidSettingException(P + "cycle-check", "must be between 1s and 6h, found " + check);
    }
    return new BillingConfig(new BillingSettings(standardTime, calendar, relative, decimal(read,
        P + "sum-check-absolute")), check);
  }

  /** {@code "name MM-DD bin=HH-HH ..."}, e.g. {@code "summer 05-01 mid-peak=7-11 on-peak=11-17"}. */
  static BillingCalendar.Season season(String text) {
    String path = P + "seasons";
    String[] words = text.strip().split("\\s+");
    if (words.length < 2) {
      throw new InvalidSettingException(path, "a season is \"name MM-DD bin=HH-HH ...\", found \"" + text + "\"");
    }
    MonthDay start;
    try {
      start = MonthDay.parse("--" + words[1]);
    } catch (DateTimeException e) {
      throw new InvalidSettingException(path, "season " + words[0] + " starts on a MM-DD day, found " + words[1]);
    }
    List<BillingCalendar.TouWindow> windows = new ArrayList<>();
    for (int i = 2; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0) {
        throw new InvalidSettingException(path, "season " + words[0] + ": a window is bin=HH-HH, found " + words[i]);
      }
      try {
        windows.add(new BillingCalendar.TouWindow(words[i].substring(0, eq), hours(path, words[i].substring(eq + 1))));
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(path, "season " + words[0] + ": " + e.getMessage());
      }
    }
    try {
      return new BillingCalendar.Season(words[0], start, windows);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(path, e.getMessage());
    }
  }

  static HourWindow hours(String path, String text) {
    String[] ends = text.strip().split("-");
    try {
      return new HourWindow(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    } catch (RuntimeException e) {
      throw new InvalidSettingException(path, "expected hours as HH-HH within 0-24, e.g. 14-18, found \"" + text
          + "\"");
    }
  }

  private static Set<LocalDate> dates(SettingReader read, String path) {
    Set<LocalDate> dates = new HashSet<>();
    for (String text : read.strings(path)) {
      try {
        dates.add(LocalDate.parse(text.strip()));
      } catch (DateTimeException e) {
        throw new InvalidSettingException(path, "expected dates as YYYY-MM-DD, found \"" + text + "\"");
      }
    }
    return dates;
  }

  private static BigDecimal decimal(SettingReader read, String path) {
    String text = read.nonBlank(path).strip();
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        throw new InvalidSettingException(path, "must not be negative, found " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(path, "expected a decimal number, found \"" + text + "\"");
    }
  }
}
