package org.adcs.mdm.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.MeterHistory;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeLevel;
import org.adcs.mdm.vee.VeeSettings;
import org.junit.jupiter.api.Test;

/** R-COL-6: intervals keep the meter's standard time and are converted for each requester. */
class ReadingQueriesTest {

  private static final ZoneOffset EASTERN_STANDARD = ZoneOffset.ofHours(-5);
  // 2026-11-01 is the day daylight saving time ends in Toronto: 25 local hours, 96 standard intervals.
  private static final LocalDate FALL_BACK = LocalDate.of(2026, 11, 1);

  private static IntervalDay day(BitSet present) {
    long[] values = new long[96];
    for (int i = 0; i < 96; i++) {
      values[i] = 1000 + i;
    }
    return new IntervalDay(new MeterId("SIM00000001"), Channel.ACTIVE_IMPORT, FALL_BACK, 15, -3, values, present,
        new int[96], ReadingSource.SCHEDULED, Instant.parse("2026-11-02T07:20:00Z"), 4);
  }

  @Test
  void intervalEndsStayStandardTimeAndConvertToTheRequestersZone() {
    BitSet all = new BitSet();
    all.set(0, 96);
    List<IntervalReading> readings = ReadingQueries.rawReadings(day(all), EASTERN_STANDARD, ZoneId.of("America/Toronto"));
    assertEquals(96, readings.size());
    // First interval ends 00:15 standard (EST) = 00:15 EDT+1h = 01:15 daylight time before the change.
    assertEquals(ZonedDateTime.of(2026, 11, 1, 1, 15, 0, 0, ZoneId.of("America/Toronto")), readings.get(0).end());
    // Consecutive ends are always 15 minutes apart in absolute time, across the DST change.
    for (int i = 1; i < readings.size(); i++) {
      assertEquals(15 * 60, readings.get(i).end().toEpochSecond() - readings.get(i - 1).end().toEpochSecond());
    }
    // Last interval ends at 24:00 standard = 05:00 UTC the next day.
    assertEquals(Instant.parse("2026-11-02T05:00:00Z"), readings.get(95).end().toInstant());
    assertEquals(new BigDecimal("1.000"), readings.get(0).value());
    assertNull(readings.get(0).status());
  }

  @Test
  void rawReadingsLeaveGapsOutAndValidatedOnesCarryStatus() {
    BitSet present = new BitSet();
    present.set(0, 96);
    present.clear(10);
    assertEquals(95, ReadingQueries.rawReadings(day(present), EASTERN_STANDARD, ZoneOffset.UTC).size());

    ValidatedDay validated = new VeeEngine(VeeSettings.defaults()).validate(day(present), Optional.empty(),
        MeterHistory.NONE, VeeLevel.FULL, Instant.parse("2026-11-02T07:20:05Z"));
    List<IntervalReading> readings = ReadingQueries.validatedReadings(validated, EASTERN_STANDARD, ZoneOffset.UTC);
    assertEquals(96, readings.size());
    assertEquals(IntervalStatus.ESTIMATED, readings.get(10).status());
    assertEquals(IntervalStatus.VALID, readings.get(11).status());
    assertEquals("2026-11-01T07:45Z", readings.get(10).end().toOffsetDateTime().toString());
  }
}
