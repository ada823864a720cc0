package org.adcs.mdm.billing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The calendar that time-of-use and critical-peak bins follow (R-MD-4): the local time zone (days and
 * hours are local, DST included), seasons by start date, each with its weekday on-peak and mid-peak
 * hours, holidays (off-peak all day, as weekends) and critical-peak days with their critical hours.
 * An hour no window names is off-peak.
 */
public record BillingCalendar(ZoneId zone, List<Season> seasons, Set<LocalDate> holidays,
    Set<LocalDate> criticalPeakDays, HourWindow criticalPeakHours) {

  public static final String OFF_PEAK = "off-peak";
  public static final String CRITICAL_PEAK = "critical-peak";

  public BillingCalendar {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(criticalPeakHours, "criticalPeakHours");
    if (seasons.isEmpty()) {
      throw new IllegalArgumentException("a billing calendar needs at least one season");
    }
    seasons = seasons.stream().sorted(Comparator.comparing(Season::start)).toList();
    for (int i = 1; i < seasons.size(); i++) {
      if (seasons.get(i).start().equals(seasons.get(i - 1).start())) {
        throw new IllegalArgumentException("two seasons start on " + seasons.get(i).start());
      }
    }
    holidays = Set.copyOf(holidays);
    criticalPeakDays = Set.copyOf(criticalPeakDays);
  }

  /** The season a local date falls in: the last to start on or before it, the year's last before the first. */
  public Season season(LocalDate date) {
    MonthDay day = MonthDay.from(date);
    Season result = seasons.get(seasons.size() - 1);
    for (Season s : seasons) {
      if (!s.start().isAfter(day)) {
        result = s;
      }
    }
    return result;
  }

  public boolean weekdayNonHoliday(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  /** The bin of the local hour starting at {@code hour} (0-23) of {@code date}. */
  public String bin(LocalDate date, int hour, boolean withCriticalPeak) {
    if (withCriticalPeak && criticalPeakDays.contains(date) && criticalPeakHours.contains(hour)) {
      return CRITICAL_PEAK;
    }
    if (!weekdayNonHoliday(date)) {
      return OFF_PEAK;
    }
    return season(date).windows().stream().filter(w -> w.hours().contains(hour)).map(TouWindow::bin).findFirst()
        .orElse(OFF_PEAK);
  }

  /** A season from its start day each year; its weekday windows must not overlap. */
  public record Season(String name, MonthDay start, List<TouWindow> windows) {
    public Season {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(start, "start");
      windows = List.copyOf(windows);
      for (int i = 0; i < windows.size(); i++) {
        for (int j = i + 1; j < windows.size(); j++) {
          if (windows.get(i).hours().overlaps(windows.get(j).hours())) {
            throw new IllegalArgumentException("season " + name + ": windows " + windows.get(i).bin() + " and "
                + windows.get(j).bin() + " overlap");
          }
        }
      }
    }
  }

  public record TouWindow(String bin, HourWindow hours) {
    public TouWindow {
      if (bin == null || bin.isBlank() || bin.equals(OFF_PEAK) || bin.equals(CRITICAL_PEAK)) {
        throw new IllegalArgumentException("a window's bin needs a name other than off-peak and critical-peak");
      }
    }
  }

  /** Local hours [fromHour, toHour), 0 to 24. */
  public record HourWindow(int fromHour, int toHour) {
    public HourWindow {
      if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
        throw new IllegalArgumentException("an hour window runs from 0-23 to a later hour up to 24, found "
            + fromHour + "-" + toHour);
      }
    }

    public boolean contains(int hour) {
      return hour >= fromHour && hour < toHour;
    }

    boolean overlaps(HourWindow other) {
      return fromHour < other.toHour && other.fromHour < toHour;
    }
  }
}
