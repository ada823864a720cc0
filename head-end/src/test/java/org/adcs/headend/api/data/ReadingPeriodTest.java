package org.adcs.headend.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.adcs.mdm.query.IntervalReading;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeFlag;
import org.junit.jupiter.api.Test;

/**
 * R-COL-6: intervals are stored by their end in the meter's standard time and never shifted; a
 * requester's day is midnight to midnight of its own zone, so 23 or 25 hours on the days daylight
 * saving time starts or ends there.
 */
class ReadingPeriodTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneOffset CET = ZoneOffset.ofHours(1);

  /** The interval ends the store holds for the meter days the period reads, and those it keeps. */
  private static List<Instant> held(ReadingPeriod period, ZoneOffset meterStandardTime, int minutes) {
    List<Instant> kept = new ArrayList<>();
    for (LocalDate day = period.firstMeterDay(meterStandardTime); day.isBefore(period.endMeterDay(meterStandardTime));
        day = day.plusDays(1)) {
      for (int i = 1; i <= 1440 / minutes; i++) {
        Instant end = day.atStartOfDay().plusMinutes((long) i * minutes).toInstant(meterStandardTime);
        if (period.holds(end)) {
          kept.add(end);
        }
      }
    }
    return kept;
  }

  @Test
  void theDayDaylightSavingTimeStartsHas23HoursOfIntervals() {
    ReadingPeriod day = new ReadingPeriod(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1), PARIS);
    List<Instant> ends = held(day, CET, 15);
    assertEquals(92, ends.size());
    assertEquals(Instant.parse("2024-03-30T23:15:00Z"), ends.get(0));
    assertEquals(Instant.parse("2024-03-31T22:00:00Z"), ends.get(ends.size() - 1));
  }

  @Test
  void theDayDaylightSavingTimeEndsHas25HoursOfIntervals() {
    ReadingPeriod day = new ReadingPeriod(LocalDate.of(2024, 10, 27), LocalDate.of(2024, 10, 28), PARIS);
    assertEquals(100, held(day, CET, 15).size());
    assertEquals(25, held(day, CET, 60).size());
  }

  @Test
  void anOrdinaryDayHas24HoursAndTheMeterStandardTimeNeedsOneMeterDay() {
    assertEquals(96, held(new ReadingPeriod(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 4), PARIS), CET, 15).size());
    ReadingPeriod standard = new ReadingPeriod(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1), CET);
    assertEquals(LocalDate.of(2024, 3, 31), standard.firstMeterDay(CET));
    assertEquals(LocalDate.of(2024, 4, 1), standard.endMeterDay(CET));
    assertEquals(96, held(standard, CET, 15).size());
  }

  @Test
  void aWeekAcrossTheChangeLosesExactlyOneHour() {
    ReadingPeriod week = new ReadingPeriod(LocalDate.of(2024, 3, 28), LocalDate.of(2024, 4, 4), PARIS);
    assertEquals(7 * 96 - 4, held(week, CET, 15).size());
    // Consecutive ends stay 15 minutes apart in absolute time: nothing shifted, nothing doubled.
    List<Instant> ends = held(week, CET, 15);
    for (int i = 1; i < ends.size(); i++) {
      assertEquals(900, ends.get(i).getEpochSecond() - ends.get(i - 1).getEpochSecond());
    }
  }

  @Test
  void anIntervalBelongsToThePeriodItsEndFallsIn() {
    ReadingPeriod day = new ReadingPeriod(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 4), PARIS);
    assertFalse(day.holds(Instant.parse("2024-06-02T22:00:00Z")), "ends at the start: the day before's");
    assertTrue(day.holds(Instant.parse("2024-06-03T22:00:00Z")), "ends at midnight: the last of the day");
  }

  @Test
  void rowsShowTheEndInTheRequestersZoneWithItsOffset() {
    // 01:45 CET is 01:45+01:00 before the change; 02:15 CET is 03:15+02:00 after it (Paris).
    LocalDateTime before = LocalDateTime.of(2024, 3, 31, 1, 45);
    LocalDateTime after = LocalDateTime.of(2024, 3, 31, 2, 15);
    assertEquals("2024-03-31T01:45:00+01:00", row(before).end());
    assertEquals("2024-03-31T03:15:00+02:00", row(after).end());
  }

  private static ReadingRow row(LocalDateTime meterTime) {
    return ReadingRow.of("M1", "active-import", new IntervalReading(meterTime.atOffset(CET).atZoneSameInstant(PARIS),
        new BigDecimal("0.125"), "Wh", IntervalStatus.VALID, EnumSet.noneOf(VeeFlag.class), 1, ReadingSource.SCHEDULED,
        15));
  }
}
