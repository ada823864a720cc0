package org.adcs.scheduler.trouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.DaySet;
import org.junit.jupiter.api.Test;

class TroubleReportBookTest {

  private static final LocalDate YESTERDAY = LocalDate.of(2026, 4, 1);
  private final ManualClock clock = new ManualClock(Instant.parse("2026-04-02T08:30:00Z"));
  private final PickupRequestBook pickups = new PickupRequestBook(clock);
  private final TroubleReportBook book = new TroubleReportBook(TroubleReportPolicy.DEFAULT, clock);

  private static final DaySet SILENT_THREE_DAYS =
      DaySet.all(YESTERDAY, 45).without(YESTERDAY).without(YESTERDAY.minusDays(1)).without(YESTERDAY.minusDays(2));

  @Test
  void a_report_carries_the_missing_ranges_and_a_second_one_is_not_opened_while_it_is_open_R_MIS_4() {
    TroubleReport report = book.openIfNeeded("m-1", SILENT_THREE_DAYS).orElseThrow();

    assertEquals(List.of(new DayRange(YESTERDAY.minusDays(2), YESTERDAY)), report.missingRanges());
    assertEquals(TroubleReason.RECENT_DAYS_MISSING, report.reason());
    assertTrue(book.openIfNeeded("m-1", SILENT_THREE_DAYS).isEmpty());
    assertEquals(1, book.openCount());

    book.close("m-1").orElseThrow();
    assertTrue(book.openIfNeeded("m-1", SILENT_THREE_DAYS).isPresent(), "after closing, a new report may open");
  }

  @Test
  void deciding_changes_nothing_until_the_decision_is_applied() {
    TroubleReport decided = book.decideOpen("m-9", SILENT_THREE_DAYS).orElseThrow();
    assertEquals(0, book.openCount());
    assertEquals(decided, book.decideOpen("m-9", SILENT_THREE_DAYS).orElseThrow(), "the same decision until applied");

    book.applyOpened(decided);

    assertEquals(decided, book.openReportOf("m-9").orElseThrow());
    assertEquals(decided.id() + 1, book.openIfNeeded("m-10", SILENT_THREE_DAYS).orElseThrow().id());
  }

  @Test
  void a_meter_without_trouble_gets_no_report() {
    assertTrue(book.openIfNeeded("m-2", DaySet.all(YESTERDAY, 45)).isEmpty());
    assertEquals(0, book.openCount());
  }

  @Test
  void the_aging_report_lists_open_reports_oldest_first_with_their_age_R_MIS_4() {
    book.openIfNeeded("old", SILENT_THREE_DAYS);
    clock.advance(Duration.ofDays(3));
    book.openIfNeeded("middle", SILENT_THREE_DAYS);
    clock.advance(Duration.ofDays(5));
    book.openIfNeeded("new", SILENT_THREE_DAYS);
    clock.advance(Duration.ofHours(2));

    AgingReport aging = book.agingReport();

    assertEquals(List.of("old", "middle", "new"), aging.lines().stream().map(l -> l.report().meterId()).toList());
    assertEquals(Duration.ofDays(8).plusHours(2), aging.lines().get(0).age());
    assertEquals(1, aging.upToOneDay());
    assertEquals(1, aging.upToOneWeek());
    assertEquals(1, aging.overOneWeek());
  }

  @Test
  void one_pickup_request_per_meter_and_closing_it_frees_the_meter_for_a_new_one_R_FLD_1() {
    PickupRequest request = pickups.raise("m-4", new PickupOrigin.OperatorOrigin("alice"), "customer complaint");
    var again = pickups.decideRaise("m-4", new PickupOrigin.OperatorOrigin("bob"), "again");
    assertInstanceOf(PickupRequestBook.Decision.AlreadyOpen.class, again);
    assertEquals(request, again.request());
    assertEquals(request, pickups.openFor("m-4").orElseThrow());

    PickupRequest closed = pickups.close(request.id()).orElseThrow();

    assertTrue(closed.closed().isPresent());
    assertEquals(0, pickups.openCount());
    assertTrue(pickups.raise("m-4", new PickupOrigin.OperatorOrigin("bob"), "again").id() > request.id());
    assertThrows(IllegalArgumentException.class, () -> new PickupOrigin.OperatorOrigin(" "));
    assertThrows(IllegalArgumentException.class, () -> pickups.raise("m-5", new PickupOrigin.OperatorOrigin("a"), ""));
  }
}
