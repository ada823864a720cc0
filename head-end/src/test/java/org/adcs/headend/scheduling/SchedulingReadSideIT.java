package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.headend.testing.TestNodes;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.CollectionTiming.Punctuality;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ScheduledMeter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's read side end to end on a running head-end: meter entity commands go to the real
 * journal (H2), the scheduling projection and the MDM bridge write real Cassandra, and the
 * scheduler's read-side interfaces read it back.
 */
class SchedulingReadSideIT {

  private static final ZoneOffset EST = ZoneOffset.of("-05:00");
  private static final Duration ASK = Duration.ofSeconds(15);
  private static final LocalDate D16 = LocalDate.of(2026, 11, 16);
  private static final LocalDate D17 = D16.plusDays(1);
  private static final LocalDate D18 = D16.plusDays(2);

  private static final String ON_TIME_LATE_MISSED = "RS-A";
  private static final String UNACKNOWLEDGED = "RS-B";
  private static final String UNSCHEDULED = "RS-C";
  private static final String PARTIAL = "RS-D";
  private static final String EXTRA = "RS-E";

  private static HeadEnd headEnd;

  @BeforeAll
  static void startAndFeed() throws Exception {
    headEnd = HeadEnd.start(TestNodes.settings(TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("sched-rs"), "adcs_sched_rs_it")));
    for (String meter : List.of(ON_TIME_LATE_MISSED, UNACKNOWLEDGED, UNSCHEDULED, PARTIAL, EXTRA)) {
      accepted(meter, r -> new Meter.Announce(new Registration(meter, "LDN" + meter, "dlms-lls", ConnectionKind.METER_CONNECTS, null,
          "lls/" + meter), at(D16.minusDays(1), 12, 0), null, r));
    }
    // Group 3 is 01:01-01:21 with the default window.
    accepted(ON_TIME_LATE_MISSED, r -> new Meter.AssignDefaultSchedule(3, LocalTime.of(1, 5), "scheduler", r));
    accepted(ON_TIME_LATE_MISSED, r -> new Meter.ConfirmSchedule("default", at(D16.minusDays(1), 21, 0), r));
    accepted(ON_TIME_LATE_MISSED, r -> new Meter.Collect(delivery(Source.SCHEDULED, at(D17, 1, 10), D16, 0, 96), r));
    accepted(ON_TIME_LATE_MISSED, r -> new Meter.Collect(delivery(Source.SCHEDULED, at(D18, 3, 0), D17, 0, 96), r));
    accepted(UNACKNOWLEDGED, r -> new Meter.AssignDefaultSchedule(5, LocalTime.of(1, 45), "scheduler", r));
    accepted(PARTIAL, r -> new Meter.Collect(delivery(Source.SCHEDULED, at(D18, 2, 0), D17, 0, 48), r));
    accepted(EXTRA, r -> new Meter.SetExtraSchedule(new ExtraSchedule("x1", LocalTime.MIDNIGHT, null, Duration.ofMinutes(30), D17,
        LocalDate.of(2026, 11, 20), "operator-7", "outage study", false), r));
    accepted(EXTRA, r -> new Meter.Collect(delivery(Source.ON_DEMAND, at(D18, 10, 0), D18, 0, 38), r));
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  void selfRegisteredMetersAreUnscheduledUntilPlacedAndThenInTheirGroup_R_SCH_1_R_SCH_2() {
    var readGroups = headEnd.scheduling().readGroups();
    eventually(() -> ours(all(p -> readGroups.unscheduledMeters(p))), List.of(UNSCHEDULED, PARTIAL, EXTRA));
    eventually(() -> ours(all(p -> readGroups.membersOf(3, p))), List.of(ON_TIME_LATE_MISSED));
    eventually(() -> ours(all(p -> readGroups.membersOf(5, p))), List.of(UNACKNOWLEDGED));
    int[] sizes = await(readGroups.groupSizes(24));
    assertEquals(1, sizes[3]);
    assertEquals(1, sizes[5]);
    assertEquals(2, java.util.Arrays.stream(sizes).sum());
  }

  @Test
  void collectionTimingsAreOnTimeLateOrMissedAgainstTheGroupSlot_R_SCH_4() {
    var readGroups = headEnd.scheduling().readGroups();
    // The unacknowledged meter has no timings: its group is not yet in the meter (R-SCH-3).
    eventually(() -> all(p -> readGroups.collectionTimings(D16, D18, p)).stream().filter(t -> t.meterId().startsWith("RS-")).toList(),
        List.of(new CollectionTiming(ON_TIME_LATE_MISSED, D16, 3, Punctuality.ON_TIME),
            new CollectionTiming(ON_TIME_LATE_MISSED, D17, 3, Punctuality.LATE),
            new CollectionTiming(ON_TIME_LATE_MISSED, D18, 3, Punctuality.MISSED)));
  }

  @Test
  void everyMeterInServiceHasCompletenessAlsoWithoutDataAndPartialDaysSayWhichIntervalsCame_R_COL_3_R_MIS_1() {
    var completeness = headEnd.scheduling().completeness();
    Function<PageRequest, CompletionStage<Page<MeterCompleteness>>> window = p -> completeness.completeness(D18, 3, p);
    IntervalSet firstHalf = IntervalSet.none(96).withRange(0, 48);
    eventually(() -> all(window).stream().filter(m -> m.meterId().startsWith("RS-")).toList(), List.of(
        new MeterCompleteness(ON_TIME_LATE_MISSED, DaySet.none(D18, 3).with(D16).with(D17), Map.of()),
        new MeterCompleteness(UNACKNOWLEDGED, DaySet.none(D18, 3), Map.of()),
        new MeterCompleteness(UNSCHEDULED, DaySet.none(D18, 3), Map.of()),
        new MeterCompleteness(PARTIAL, DaySet.none(D18, 3), Map.of(D17, firstHalf)),
        new MeterCompleteness(EXTRA, DaySet.none(D18, 3), Map.of(D18, IntervalSet.none(96).withRange(0, 38)))));
  }

  @Test
  void nonDefaultSchedulesComeWithHowFarTheirDataHasCome_R_SCH_5_R_MIS_3() {
    var schedules = headEnd.scheduling().nonDefaultSchedules();
    Instant noon = at(D18, 12, 0);
    eventually(() -> {
      List<ScheduledMeter> rows = new ArrayList<>();
      Optional<String> after = Optional.empty();
      do {
        Page<ScheduledMeter> page = await(schedules.activeSchedules(noon, new PageRequest(after, 100)));
        rows.addAll(page.rows());
        after = page.continueAfter();
      } while (after.isPresent());
      return rows.stream().filter(r -> r.meterId().startsWith("RS-"))
          .map(r -> r.meterId() + " " + r.schedule().scheduleId() + " " + r.schedule().start() + " " + r.schedule().end().orElseThrow()
              + " " + r.schedule().frequency() + " " + r.schedule().requestedBy() + " " + r.receivedThrough().orElse(null))
          .toList();
    }, List.of(EXTRA + " x1 " + at(D17, 0, 0) + " " + at(LocalDate.of(2026, 11, 21), 0, 0) + " PT30M operator-7 " + at(D18, 9, 30)));
    assertTrue(await(schedules.activeSchedules(at(LocalDate.of(2026, 11, 21), 0, 1), PageRequest.first(100))).rows().stream()
        .noneMatch(r -> r.meterId().startsWith("RS-")), "the schedule has ended");
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).toInstant(EST);
  }

  /** Both channels of a day with intervals [from, to). */
  private static Delivery delivery(Source source, Instant receivedAt, LocalDate day, int from, int to) {
    BitSet present = new BitSet();
    present.set(from, to);
    long[] pulses = new long[96];
    for (int i = from; i < to; i++) {
      pulses[i] = 200 + i % 7;
    }
    List<ChannelDay> days = List.of("active-import", "active-export").stream().map(channel -> new ChannelDay(channel, "Wh",
        new BigDecimal("1"), day, 15, pulses, present.toLongArray(), new int[96])).toList();
    return new Delivery(source, receivedAt, days, List.of());
  }

  private static void accepted(String meterId, Function<akka.actor.typed.ActorRef<Meter.Reply>, Meter.Command> command) throws Exception {
    Meter.Reply reply = headEnd.meters().meter(meterId).<Meter.Reply>ask(command::apply, ASK).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertTrue(reply instanceof Meter.Accepted, meterId + ": " + reply);
  }

  private static <T> List<T> all(Function<PageRequest, CompletionStage<Page<T>>> query) {
    List<T> rows = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      Page<T> page = await(query.apply(new PageRequest(after, 2)));
      rows.addAll(page.rows());
      after = page.continueAfter();
    } while (after.isPresent());
    return rows;
  }

  private static List<String> ours(List<String> ids) {
    return ids.stream().filter(id -> id.startsWith("RS-")).toList();
  }

  /** The projections are asynchronous: poll until the read side shows what the entities recorded. */
  private static <T> void eventually(Supplier<T> actual, T expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    T last = null;
    while (System.nanoTime() < deadline) {
      last = actual.get();
      if (expected.equals(last)) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertEquals(expected, last);
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
