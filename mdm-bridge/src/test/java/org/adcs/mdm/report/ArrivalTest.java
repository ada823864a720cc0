package org.adcs.mdm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArrivalTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  @Test
  void dataReadOnTheDayAfterMeetsEveryDeadline() {
    assertEquals(0, Arrival.firstOpenDeadline(DAY, Instant.parse("2026-03-11T02:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void deadlinesEndAtMidnightOfTheMetersStandardTime() {
    // 23:30 UTC on day 1 is 00:30 of day 2 at +01:00: too late for day 1.
    Instant readAt = Instant.parse("2026-03-11T23:30:00Z");
    assertEquals(0, Arrival.firstOpenDeadline(DAY, readAt, ZoneOffset.UTC));
    assertEquals(1, Arrival.firstOpenDeadline(DAY, readAt, ZoneOffset.ofHours(1)));
  }

  @Test
  void theLastInstantOfADayIsStillInTimeAndMidnightIsNot() {
    assertEquals(1, Arrival.firstOpenDeadline(DAY, Instant.parse("2026-03-12T00:00:00Z"), ZoneOffset.UTC));
    assertEquals(1, Arrival.firstOpenDeadline(DAY, Instant.parse("2026-03-12T23:59:59.999Z"), ZoneOffset.UTC));
    assertEquals(2, Arrival.firstOpenDeadline(DAY, Instant.parse("2026-03-13T00:00:00Z"), ZoneOffset.UTC));
    assertEquals(2, Arrival.firstOpenDeadline(DAY, Instant.parse("2026-03-15T23:00:00Z"), ZoneOffset.UTC));
    assertEquals(3, Arrival.firstOpenDeadline(DAY, Instant.parse("2026-03-16T00:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void aDaylightSavingChangeDayIsTwentyFourHoursInStandardTime() {
    // 29 March 2026 is a spring-forward day in Europe; the meters' standard time does not shift (R-COL-6).
    LocalDate dst = LocalDate.of(2026, 3, 29);
    assertEquals(Instant.parse("2026-03-30T23:00:00Z"), Arrival.deadline(dst, 0, ZoneOffset.ofHours(1)));
    assertEquals(Instant.parse("2026-03-31T23:00:00Z"), Arrival.deadline(dst, 1, ZoneOffset.ofHours(1)));
  }
}
