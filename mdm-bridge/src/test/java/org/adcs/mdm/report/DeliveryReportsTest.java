package org.adcs.mdm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data quality, timeliness and service level figures from completeness rows (R-VEE-4, R-OPS-5). */
class DeliveryReportsTest {

  private static final LocalDate D1 = LocalDate.of(2026, 3, 28);
  private static final LocalDate D2 = LocalDate.of(2026, 3, 29); // a daylight-saving change day in Europe
  private static final Instant LATER = Instant.parse("2026-05-01T00:00:00Z");

  private static DeliveryRow row(LocalDate day, String meter, int actual, int estimated, int... readBy) {
    return new DeliveryRow(day, meter, "A+", 96, actual, estimated, readBy);
  }

  private static DeliveryTally tally(List<DeliveryRow> rows) {
    DeliveryTally total = new DeliveryTally();
    // Two buckets, as the scan folds them: each meter in one.
    DeliveryTally even = new DeliveryTally();
    DeliveryTally odd = new DeliveryTally();
    rows.forEach(r -> (r.meterId().hashCode() % 2 == 0 ? even : odd).add(r));
    total.merge(even);
    total.merge(odd);
    return total;
  }

  @Test
  void noDataGivesNoSharesRatherThanZeroOrFullMarks() {
    DeliveryTally empty = tally(List.of());
    DataQualityReport quality = DataQualityReport.of(D1, D2, empty);
    assertTrue(quality.days().isEmpty());
    assertTrue(quality.total().estimatedShare().isEmpty());
    assertTrue(quality.metersWithEstimateShare().isEmpty());
    assertTrue(quality.targetMet().isEmpty());
    TimelinessReport timeliness = TimelinessReport.of(D1, D2, empty, LATER, ZoneOffset.UTC);
    assertTrue(timeliness.total().share(0).isEmpty());
    ServiceLevelReport levels = ServiceLevelReport.of(D1, D2, empty, new Availability(Instant.EPOCH, LATER, 0, 0));
    assertTrue(levels.total().onScheduleShare().isEmpty());
    assertTrue(levels.availability().share().isEmpty());
  }

  @Test
  void estimatedSharesCountIntervalsAndMetersAcrossBucketsAndDays() {
    DeliveryTally t = tally(List.of(
        row(D1, "m1", 96, 0, 96, 96, 96),
        row(D1, "m2", 90, 6, 90, 90, 90),
        row(D2, "m1", 95, 1, 95, 95, 95),
        row(D2, "m3", 96, 0, 0, 96, 96)));
    DataQualityReport q = DataQualityReport.of(D1, D2, t);
    assertEquals(2, q.days().size());
    assertEquals(96 * 4, q.total().expected());
    assertEquals(7, q.total().estimated());
    assertEquals(7.0 / 384, q.total().estimatedShare().getAsDouble(), 1e-12);
    assertEquals(3, q.meters());
    assertEquals(2, q.metersWithEstimate(), "m1 and m2, m1 counted once over both days");
    assertEquals(6.0 / 192, q.days().get(0).estimatedShare().getAsDouble(), 1e-12);
    // 1.8 % of intervals and 2 meters of 3: both targets missed.
    assertEquals(false, q.targetMet().orElseThrow());
  }

  @Test
  void allEstimatedIsAFullShareAndMissesTheTarget() {
    DeliveryTally t = tally(List.of(row(D1, "m1", 0, 96, 0, 0, 0), row(D1, "m2", 0, 96, 0, 0, 0)));
    DataQualityReport q = DataQualityReport.of(D1, D1, t);
    assertEquals(1.0, q.total().estimatedShare().getAsDouble());
    assertEquals(1.0, q.metersWithEstimateShare().getAsDouble());
    assertFalse(q.targetMet().orElseThrow());
    ServiceLevelReport s = ServiceLevelReport.of(D1, D1, t, new Availability(Instant.EPOCH, LATER, 10, 10));
    assertEquals(192, s.total().scheduled());
    assertEquals(0, s.total().onSchedule());
    assertEquals(192, s.total().missing());
    assertEquals(192, s.total().estimated());
  }

  @Test
  void timelinessSharesPerDeadlineAndNoneForDeadlinesAhead() {
    DeliveryTally t = tally(List.of(
        row(D1, "m1", 96, 0, 96, 96, 96),
        row(D1, "m2", 96, 0, 0, 48, 96),
        row(D2, "m1", 96, 0, 96, 96, 96)));
    // Day 2 of D1 (30 March) has ended, day 5 has not; for D2 only day 1 (30 March) has ended.
    Instant now = Instant.parse("2026-03-31T12:00:00Z");
    TimelinessReport r = TimelinessReport.of(D1, D2, t, now, ZoneOffset.UTC);
    TimelinessReport.Day d1 = r.days().get(0);
    assertEquals(0.5, d1.share(0).getAsDouble());
    assertEquals(0.75, d1.share(1).getAsDouble());
    assertTrue(d1.share(2).isEmpty(), "day 5 is ahead");
    assertFalse(d1.targetMet(0).orElseThrow(), "50 % by day 1 misses 80 %");
    assertTrue(r.days().get(1).share(1).isEmpty());
    // Total: day 1 over both days, day 2 over D1 alone.
    assertEquals((96 + 0 + 96) / 288.0, r.total().share(0).getAsDouble(), 1e-12);
    assertEquals(144 / 192.0, r.total().share(1).getAsDouble(), 1e-12);
    assertTrue(r.total().share(2).isEmpty());
  }

  @Test
  void aDaylightSavingChangeDayHasTheSameIntervalsAsAnyOther() {
    // Standard time has no 23- or 25-hour days (R-COL-6): the rows say 96 and the report keeps it.
    DeliveryTally t = tally(List.of(row(D2, "m1", 96, 0, 96, 96, 96)));
    TimelinessReport r = TimelinessReport.of(D2, D2, t, LATER, ZoneOffset.ofHours(1));
    assertEquals(96, r.days().get(0).expected());
    assertEquals(1.0, r.days().get(0).share(2).getAsDouble());
    assertTrue(r.total().targetMet(2).orElseThrow());
  }

  @Test
  void serviceLevelsSplitOnScheduleLateAndMissing() {
    DeliveryTally t = tally(List.of(row(D1, "m1", 96, 0, 96, 96, 96), row(D1, "m2", 80, 16, 40, 80, 80)));
    ServiceLevelReport s = ServiceLevelReport.of(D1, D1, t, new Availability(Instant.EPOCH, LATER, 1440, 1380));
    ServiceLevelReport.Day d = s.days().get(0);
    assertEquals(192, d.scheduled());
    assertEquals(136, d.onSchedule());
    assertEquals(40, d.late());
    assertEquals(16, d.missing());
    assertEquals(16, d.estimated());
    assertEquals(1380 / 1440.0, s.availability().share().getAsDouble(), 1e-12);
  }

  @Test
  void observedMinutesStopAtNow() {
    Instant from = Instant.parse("2026-03-28T00:00:00Z");
    Instant to = Instant.parse("2026-03-29T00:00:00Z");
    assertEquals(1440, Availability.observedMinutes(from, to, LATER));
    assertEquals(61, Availability.observedMinutes(from, to, from.plusSeconds(3601)));
    assertEquals(0, Availability.observedMinutes(from, to, from.minusSeconds(1)));
  }
}
