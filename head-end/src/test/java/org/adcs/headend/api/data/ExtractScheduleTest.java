package org.adcs.headend.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.mailbox.Extract;
import org.junit.jupiter.api.Test;

/** When periodic extracts run next and which days each run covers (R-DAT-2 a). */
class ExtractScheduleTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalTime SIX = LocalTime.of(6, 0);

  private static Extract extract(Extract.Schedule schedule) {
    return new Extract(UUID.randomUUID(), "esco", schedule, "validated", "csv", PARIS.getId(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Instant.EPOCH, 0, Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  @Test
  void aDailyExtractRunsAtTheNextRunTimeOfItsZone() {
    Instant beforeSix = Instant.parse("2024-06-03T03:00:00Z"); // 05:00 in Paris
    assertEquals(Optional.of(Instant.parse("2024-06-03T04:00:00Z")),
        ExtractRunner.nextRun(Extract.Schedule.DAILY, beforeSix, PARIS, SIX));
    Instant atSix = Instant.parse("2024-06-03T04:00:00Z");
    assertEquals(Optional.of(Instant.parse("2024-06-04T04:00:00Z")),
        ExtractRunner.nextRun(Extract.Schedule.DAILY, atSix, PARIS, SIX));
    // Across the change to winter time, 06:00 local is an hour later in UTC.
    assertEquals(Optional.of(Instant.parse("2024-10-27T05:00:00Z")),
        ExtractRunner.nextRun(Extract.Schedule.DAILY, Instant.parse("2024-10-26T12:00:00Z"), PARIS, SIX));
  }

  @Test
  void aWeeklyExtractRunsSixDaysAfterTheNextRunTimeAndAOneOffNeverAgain() {
    assertEquals(Optional.of(Instant.parse("2024-06-10T04:00:00Z")),
        ExtractRunner.nextRun(Extract.Schedule.WEEKLY, Instant.parse("2024-06-03T12:00:00Z"), PARIS, SIX));
    assertEquals(Optional.empty(), ExtractRunner.nextRun(Extract.Schedule.ONCE, Instant.EPOCH, PARIS, SIX));
  }

  @Test
  void periodicRunsCoverTheCompleteDayOrWeekBeforeTheRun() {
    Instant run = Instant.parse("2024-03-31T22:30:00Z"); // 00:30 on 1 April in Paris
    ReadingPeriod daily = ExtractRunner.period(extract(Extract.Schedule.DAILY), run, PARIS);
    assertEquals(LocalDate.of(2024, 3, 31), daily.from());
    assertEquals(LocalDate.of(2024, 4, 1), daily.to());
    ReadingPeriod weekly = ExtractRunner.period(extract(Extract.Schedule.WEEKLY), run, PARIS);
    assertEquals(LocalDate.of(2024, 3, 25), weekly.from());
    assertEquals(7, weekly.days());
  }
}
