package org.adcs.scheduler.nondefault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.TimeRange;
import org.adcs.scheduler.readside.ScheduledMeter;
import org.junit.jupiter.api.Test;

class MissDetectorTest {

  private static final Instant START = Instant.parse("2026-04-01T00:00:00Z");

  private static ScheduledMeter hourly(Optional<Instant> receivedThrough, Optional<Instant> end) {
    return new ScheduledMeter("m", new NonDefaultSchedule("cpp-1", START, end, Duration.ofHours(1), "pricing system"), receivedThrough);
  }

  @Test
  void one_missed_transmission_is_not_yet_a_miss_two_are_R_MIS_3() {
    var meter = hourly(Optional.of(Instant.parse("2026-04-01T10:00:00Z")), Optional.empty());

    assertTrue(MissDetector.missing(meter, Instant.parse("2026-04-01T11:59:00Z")).isEmpty());
    assertEquals(Optional.of(new TimeRange(Instant.parse("2026-04-01T10:00:00Z"), Instant.parse("2026-04-01T12:00:00Z"))),
        MissDetector.missing(meter, Instant.parse("2026-04-01T12:00:00Z")));
  }

  @Test
  void a_meter_that_never_sent_misses_from_the_schedule_start() {
    var meter = hourly(Optional.empty(), Optional.empty());
    assertEquals(Optional.of(new TimeRange(START, Instant.parse("2026-04-01T02:00:00Z"))),
        MissDetector.missing(meter, Instant.parse("2026-04-01T02:10:00Z")));
  }

  @Test
  void an_ended_schedule_asks_only_up_to_its_end() {
    var meter = hourly(Optional.of(Instant.parse("2026-04-01T01:00:00Z")), Optional.of(Instant.parse("2026-04-01T03:00:00Z")));
    assertEquals(Optional.of(new TimeRange(Instant.parse("2026-04-01T01:00:00Z"), Instant.parse("2026-04-01T03:00:00Z"))),
        MissDetector.missing(meter, Instant.parse("2026-04-02T00:00:00Z")));
  }

  @Property
  void a_reported_miss_lies_between_the_received_data_and_now_and_comes_within_two_intervals(
      @ForAll @IntRange(min = 1, max = 240) int frequencyMinutes, @ForAll @IntRange(min = 0, max = 20_000) int receivedMinutes,
      @ForAll @IntRange(min = 0, max = 20_000) int nowMinutes) {
    Duration frequency = Duration.ofMinutes(frequencyMinutes);
    Instant received = START.plus(Duration.ofMinutes(receivedMinutes));
    Instant now = START.plus(Duration.ofMinutes(Math.max(receivedMinutes, nowMinutes)));
    var meter = new ScheduledMeter("m", new NonDefaultSchedule("s", START, Optional.empty(), frequency, "operator"), Optional.of(received));

    Optional<TimeRange> miss = MissDetector.missing(meter, now);

    if (miss.isPresent()) {
      assertEquals(received, miss.get().from());
      assertFalse(miss.get().to().isAfter(now));
      assertTrue(Duration.between(received, now).compareTo(frequency.multipliedBy(2)) >= 0);
    } else {
      // No miss: fewer than two intervals since the data ends, or no read due since.
      Instant lastDue = START.plus(frequency.multipliedBy(Duration.between(START, now).toMinutes() / frequencyMinutes));
      assertTrue(Duration.between(received, now).compareTo(frequency.multipliedBy(2)) < 0 || !lastDue.isAfter(received));
    }
  }
}
