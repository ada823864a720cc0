package org.adcs.mdm.readside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scheduling read side against a real Cassandra node: paging in meter id order, idempotent replays. */
class ScheduleReadSideIT {

  private static final String KEYSPACE = "adcs_schedule_it";
  private static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");

  private static StoreConnection connection;
  private static ScheduleReadSideWriter writer;
  private static ScheduleReadSideQueries queries;

  @BeforeAll
  static void open() {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    // The read side also reads the store's completeness tables, as in the head-end.
    MdmStore store = MdmStore.open(connection, 64, StoreSchema.DEFAULT_RETENTION);
    var readSide = ScheduleReadSide.open(store.db(), KEYSPACE);
    writer = readSide.writer();
    queries = readSide.queries();
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  @Test
  void everyMeterInServiceComesOnceInMeterIdOrderWhateverThePageSize_R_COL_3() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      ids.add("svc-" + Integer.toString(i * 7919 % 100_000, 36));
    }
    for (String id : ids) {
      await(writer.registered(id, T0, 1));
    }
    List<String> expected = new ArrayList<>(new TreeSet<>(ids));
    for (int limit : new int[] {1, 37, 700, 5000}) {
      List<String> seen = scan((after, l) -> queries.metersInService(after, l)
          .thenApply(p -> new KeyPage<>(p.rows().stream().map(MeterInService::meterId).toList(), p.continueAfter())), limit);
      List<String> ours = seen.stream().filter(id -> id.startsWith("svc-")).toList();
      assertEquals(expected, ours, "page size " + limit);
    }
  }

  @Test
  void aPrefixFindsItsMetersOnlyInMeterIdOrderWhateverThePageSize() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      ids.add("pfx-" + Integer.toString(i * 7919 % 100_000, 36));
    }
    ids.add("pfx"); // the prefix itself is a meter id too
    ids.add("pfy-0"); // just past the range
    for (String id : ids) {
      await(writer.registered(id, T0, 1));
    }
    for (String prefix : new String[] {"pfx-1", "pfx-", "pfx", "pfx-zz"}) {
      List<String> expected = new ArrayList<>(new TreeSet<>(ids.stream().filter(id -> id.startsWith(prefix)).toList()));
      for (int limit : new int[] {1, 13, 1000}) {
        List<String> seen = scan((after, l) -> queries.metersInServiceStartingWith(prefix, after, l)
            .thenApply(p -> new KeyPage<>(p.rows().stream().map(MeterInService::meterId).toList(), p.continueAfter())), limit);
        assertEquals(expected, seen, "prefix " + prefix + ", page size " + limit);
      }
    }
  }

  @Test
  void aReplayedOrOlderAssignmentNeverUndoesTheNewerOne_R_SCH_1_R_SCH_2() {
    String meter = "replay-1";
    await(writer.registered(meter, T0, 1));
    assertEquals(List.of(meter), members(ScheduleReadSideSchema.UNSCHEDULED, "replay-"));

    assertTrue(await(writer.defaultScheduleAssigned(meter, 3, LocalTime.of(1, 5), 2)));
    await(writer.defaultScheduleAcknowledged(meter, T0.plusSeconds(60), 3));
    assertTrue(await(writer.defaultScheduleAssigned(meter, 7, LocalTime.of(2, 25), 4)));
    // The projection restarts from an older offset: events 1..4 come again.
    await(writer.registered(meter, T0, 1));
    assertFalse(await(writer.defaultScheduleAssigned(meter, 3, LocalTime.of(1, 5), 2)));
    await(writer.defaultScheduleAcknowledged(meter, T0.plusSeconds(60), 3));
    assertFalse(await(writer.defaultScheduleAssigned(meter, 7, LocalTime.of(2, 25), 4)));

    assertEquals(List.of(), members(ScheduleReadSideSchema.UNSCHEDULED, "replay-"));
    assertEquals(List.of(), members(3, "replay-"));
    assertEquals(List.of(meter), members(7, "replay-"));
    DefaultScheduleRow row = await(queries.defaultSchedule(meter)).orElseThrow();
    assertEquals(7, row.readGroup());
    assertEquals(Optional.of(LocalTime.of(2, 25)), row.readTime());
    // The acknowledgement was of the group 3 schedule; the move to 7 is not acknowledged yet (R-SCH-3).
    assertEquals(Optional.empty(), row.acknowledgedAt());

    await(writer.defaultScheduleAcknowledged(meter, T0.plusSeconds(120), 5));
    assertEquals(Optional.of(T0.plusSeconds(120)), await(queries.defaultSchedule(meter)).orElseThrow().acknowledgedAt());
  }

  @Test
  void groupSizesCountEveryBucket_R_SCH_2() {
    for (int i = 0; i < 150; i++) {
      String meter = "size-" + i;
      await(writer.registered(meter, T0, 1));
      await(writer.defaultScheduleAssigned(meter, 20 + i % 3, LocalTime.of(3, 0), 2));
    }
    assertEquals(50L, await(queries.groupSize(20)));
    assertEquals(50L, await(queries.groupSize(21)));
    assertEquals(50L, await(queries.groupSize(22)));
    assertEquals(0L, await(queries.groupSize(23)));
  }

  @Test
  void theEarliestScheduledArrivalOfADayCountsAndReceivedThroughOnlyMovesForward_R_SCH_4_R_MIS_3() {
    String meter = "arrive-1";
    LocalDate day = LocalDate.of(2026, 11, 19);
    await(writer.scheduledDataArrived(meter, List.of(day), T0.plusSeconds(600)));
    await(writer.scheduledDataArrived(meter, List.of(day), T0));
    await(writer.scheduledDataArrived(meter, List.of(day), T0.plusSeconds(600)));
    assertEquals(Map.of(day, T0), await(queries.scheduledArrivals(meter, day.minusDays(3), day)));

    await(writer.dataReceivedThrough(meter, T0.plusSeconds(900)));
    await(writer.dataReceivedThrough(meter, T0));
    assertEquals(Optional.of(T0.plusSeconds(900)), await(queries.receivedThrough(meter)));
  }

  @Test
  void nonDefaultSchedulesArePagedWholePerMeterAndACancelSurvivesAReplay_R_SCH_5() {
    List<String> meters = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String meter = "nd-" + String.format("%03d", i);
      meters.add(meter);
      for (int s = 0; s < 3; s++) {
        await(writer.nonDefaultScheduleSet(schedule(meter, "s" + s), 10 + s));
      }
    }
    await(writer.nonDefaultScheduleCancelled("nd-005", "s1", 20));
    await(writer.nonDefaultScheduleSet(schedule("nd-005", "s1"), 11));

    List<StoredSchedule> all = new ArrayList<>();
    Map<String, Integer> pageOfMeter = new java.util.HashMap<>();
    Optional<String> after = Optional.empty();
    int pageNumber = 0;
    do {
      KeyPage<StoredSchedule> page = await(queries.nonDefaultSchedules(after, 4));
      pageNumber++;
      for (StoredSchedule row : page.rows()) {
        Integer earlier = pageOfMeter.putIfAbsent(row.meterId(), pageNumber);
        assertTrue(earlier == null || earlier == pageNumber, "the schedules of " + row.meterId() + " are split over pages");
      }
      all.addAll(page.rows());
      after = page.continueAfter();
    } while (after.isPresent());
    List<StoredSchedule> ours = all.stream().filter(s -> s.meterId().startsWith("nd-")).toList();
    assertEquals(60 * 3 - 1, ours.size());
    assertEquals(meters, ours.stream().map(StoredSchedule::meterId).distinct().toList());
    assertTrue(ours.stream().noneMatch(s -> s.meterId().equals("nd-005") && s.scheduleId().equals("s1")));
    assertEquals(schedule("nd-007", "s2"), ours.stream().filter(s -> s.meterId().equals("nd-007") && s.scheduleId().equals("s2"))
        .findFirst().orElseThrow());
  }

  private static StoredSchedule schedule(String meter, String id) {
    return new StoredSchedule(meter, id, T0, Optional.of(T0.plus(Duration.ofDays(2))), Duration.ofMinutes(30), "operator-" + id);
  }

  private static List<String> members(int group, String prefix) {
    return scan((after, limit) -> queries.membersOf(group, after, limit), 100).stream().filter(id -> id.startsWith(prefix)).toList();
  }

  private static List<String> scan(BiFunction<Optional<String>, Integer, CompletionStage<KeyPage<String>>> page, int limit) {
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      KeyPage<String> p = await(page.apply(after, limit));
      assertTrue(p.rows().size() <= limit, "a page holds at most " + limit + " meters, had " + p.rows().size());
      for (String id : p.rows()) {
        assertTrue(seen.isEmpty() || seen.get(seen.size() - 1).compareTo(id) < 0, "meter id order: " + id + " after " + seen);
        seen.add(id);
      }
      after = p.continueAfter();
    } while (after.isPresent());
    return seen;
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
