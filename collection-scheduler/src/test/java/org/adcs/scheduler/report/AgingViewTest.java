package org.adcs.scheduler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.trouble.AgingReport;
import org.adcs.scheduler.trouble.TroubleReportBook;
import org.adcs.scheduler.trouble.TroubleReportPolicy;
import org.junit.jupiter.api.Test;

/** The aging report's buckets and their filter (R-MIS-4). */
class AgingViewTest {

  @Test
  void reportsFallIntoDayWeekAndOlderBuckets() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    TroubleReportBook book = new TroubleReportBook(TroubleReportPolicy.DEFAULT, clock);
    LocalDate day = LocalDate.of(2026, 2, 28);
    DaySet silent = DaySet.none(day, 45);
    book.openIfNeeded("old", silent);
    clock.now = clock.now.plus(Duration.ofDays(6));
    book.openIfNeeded("week", silent);
    clock.now = clock.now.plus(Duration.ofDays(2));
    book.openIfNeeded("today", silent);
    clock.now = clock.now.plus(Duration.ofHours(1));

    AgingView view = new AgingView(book.agingReport());
    assertEquals(1, view.report().upToOneDay());
    assertEquals(1, view.report().upToOneWeek());
    assertEquals(1, view.report().overOneWeek());
    assertEquals("old", view.lines(Optional.empty(), 0, 10).lines().get(0).report().meterId());
    assertEquals("week", view.lines(Optional.of(AgingReport.Bucket.WEEK), 0, 10).lines().get(0).report().meterId());
    assertEquals(1, view.lines(Optional.of(AgingReport.Bucket.OLDER), 0, 10).total());
    assertEquals(AgingReport.Bucket.DAY, AgingReport.Bucket.of(Duration.ofDays(1)));
    assertEquals(AgingReport.Bucket.WEEK, AgingReport.Bucket.of(Duration.ofDays(1).plusMillis(1)));
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
