package org.adcs.mdm.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When daily files are due, what each holds, and how long they stay (R-MD-5). */
class DeliveryScheduleTest {

  private static final ZoneOffset PST = ZoneOffset.ofHours(-8);
  private final DeliverySchedule schedule = new DeliverySchedule(LocalTime.of(6, 0), PST, 3);

  @Test
  void theFileOfADayIsDueAtItsCutOffInStandardTimeAndNamedByIt() {
    LocalDate day = LocalDate.of(2024, 3, 10);
    assertEquals(Instant.parse("2024-03-10T14:00:00Z"), schedule.cutoff(day));
    assertEquals("202403100600.dat", schedule.fileName(day));
    assertEquals(day.minusDays(1), schedule.lastDueDay(Instant.parse("2024-03-10T13:59:59Z")));
    assertEquals(day, schedule.lastDueDay(Instant.parse("2024-03-10T14:00:00Z")));
  }

  @Test
  void aNewPartyStartsWithTheLatestDueDay() {
    var days = schedule.due(Optional.empty(), Instant.parse("2024-03-10T15:00:00Z"));
    assertEquals(List.of(LocalDate.of(2024, 3, 10)), days);
    var window = schedule.window(Optional.empty(), days.get(0));
    assertEquals(Instant.parse("2024-03-09T14:00:00Z"), window.from());
    assertEquals(Instant.parse("2024-03-10T14:00:00Z"), window.to());
  }

  @Test
  void missedDaysAreDeliveredOldestFirstBoundedPerRunAndNothingTwice() {
    var cursor = Optional.of(new DeliveryCursor("ESP7", LocalDate.of(2024, 3, 5),
        Instant.parse("2024-03-05T14:00:00Z")));
    Instant now = Instant.parse("2024-03-10T15:00:00Z");
    assertEquals(List.of(LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8)),
        schedule.due(cursor, now));
    assertEquals(Instant.parse("2024-03-05T14:00:00Z"), schedule.window(cursor, LocalDate.of(2024, 3, 6)).from());

    var upToDate = Optional.of(new DeliveryCursor("ESP7", LocalDate.of(2024, 3, 10),
        Instant.parse("2024-03-10T14:00:00Z")));
    assertEquals(List.of(), schedule.due(upToDate, now));
    assertThrows(IllegalArgumentException.class, () -> new DeliverySchedule(LocalTime.NOON, PST, 0));
  }

  @Test
  void filesStayOnLineFiveDaysThenArchivedForThreeYearsThenExpire() {
    var retention = MailboxRetention.DEFAULT;
    Instant created = Instant.parse("2024-03-10T14:00:00Z");
    assertEquals(MailboxRetention.Stage.ONLINE, retention.stage(created, created.plus(Duration.ofDays(5)).minusSeconds(1)));
    assertEquals(MailboxRetention.Stage.ARCHIVED, retention.stage(created, created.plus(Duration.ofDays(5))));
    assertEquals(MailboxRetention.Stage.ARCHIVED, retention.stage(created, Instant.parse("2027-03-10T13:59:59Z")));
    assertEquals(MailboxRetention.Stage.EXPIRED, retention.stage(created, Instant.parse("2027-03-10T14:00:00Z")));
    assertEquals(Duration.ofDays(3 * 365).toSeconds(), retention.secondsLeft(created, created));
    assertEquals(0, retention.secondsLeft(created, Instant.parse("2028-01-01T00:00:00Z")));
    assertThrows(IllegalArgumentException.class, () -> new MailboxRetention(Duration.ofDays(4), Period.ofYears(3)));
    assertThrows(IllegalArgumentException.class, () -> new MailboxRetention(Duration.ofDays(5), Period.ofYears(2)));
  }
}
