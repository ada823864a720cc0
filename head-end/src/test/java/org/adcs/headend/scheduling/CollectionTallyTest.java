package org.adcs.headend.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.CollectionTiming.Punctuality;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.junit.jupiter.api.Test;

/** A night's counts per read group (R-SCH-4), page by page, and never a pass over the meters per request. */
class CollectionTallyTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 9);
  private static final CollectionWindow WINDOW = new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(1, 1), Duration.ofMinutes(20));

  /** 2,500 meters in three groups, each with a fixed punctuality, served a page at a time. */
  private static final class Timings implements ReadGroupReadSide {
    final List<CollectionTiming> all = new ArrayList<>();
    final AtomicInteger passes = new AtomicInteger();
    CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    Timings() {
      for (int i = 0; i < 2_500; i++) {
        Punctuality p = i % 10 == 0 ? Punctuality.MISSED : i % 10 == 1 ? Punctuality.LATE : Punctuality.ON_TIME;
        all.add(new CollectionTiming(String.format("M%05d", i), DAY, i % 3, p));
      }
    }

    @Override
    public CompletionStage<Page<CollectionTiming>> collectionTimings(LocalDate first, LocalDate last, PageRequest page) {
      if (page.after().isEmpty()) {
        passes.incrementAndGet();
      }
      int from = page.after().map(a -> Integer.parseInt(a.substring(1)) + 1).orElse(0);
      int to = Math.min(all.size(), from + page.limit());
      Optional<String> next = to < all.size() ? Optional.of(all.get(to - 1).meterId()) : Optional.empty();
      return gate.thenApply(v -> new Page<>(all.subList(from, to), next));
    }

    @Override
    public CompletionStage<int[]> groupSizes(int groupCount) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Page<String>> unscheduledMeters(PageRequest page) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Page<String>> membersOf(int group, PageRequest page) {
      throw new UnsupportedOperationException();
    }
  }

  private static Clock at(LocalTime time) {
    return Clock.fixed(DAY.plusDays(1).atTime(time).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  @Test
  void countsEveryPageAndCallsAMissingMeterWaitingUntilItsSlotEnds() throws Exception {
    Timings timings = new Timings();
    // 00:30: group 0's slot (00:01-00:21) is over, group 1's (00:21-00:41) runs, group 2's is to come.
    CollectionTally tally = new CollectionTally(timings, WINDOW, ZoneOffset.UTC, at(LocalTime.of(0, 30)), Duration.ofSeconds(3));
    CollectionTally.DayCount count = tally.count(DAY).toCompletableFuture().get();
    assertEquals(2_500, count.total(CollectionTally.GroupCount::meters));
    long missedOrWaiting = timings.all.stream().filter(t -> t.punctuality() == Punctuality.MISSED).count();
    assertEquals(missedOrWaiting, count.total(CollectionTally.GroupCount::missed) + count.total(CollectionTally.GroupCount::pending));
    CollectionTally.GroupCount first = count.groups().get(0);
    CollectionTally.GroupCount second = count.groups().get(1);
    assertEquals(0, first.pending(), "group 0's slot has ended: what did not come is missing");
    assertEquals(0, second.missed(), "group 1's slot still runs: what did not come is waiting");
    assertEquals(expected(timings, 0, Punctuality.MISSED), first.missed());
    assertEquals(expected(timings, 1, Punctuality.MISSED), second.pending());
    assertEquals(expected(timings, 2, Punctuality.LATE), count.groups().get(2).late());
    assertEquals(expected(timings, 2, Punctuality.ON_TIME), count.groups().get(2).onTime());
    assertEquals(DAY.plusDays(1).atTime(0, 21).toInstant(ZoneOffset.UTC), first.slotEnd());
    assertEquals(WINDOW.groupCount(), count.groups().size());
    assertEquals(1, timings.passes.get());
  }

  @Test
  void callersShareOneCountUntilItIsOlderThanTheRefreshPeriod() throws Exception {
    Timings timings = new Timings();
    AtomicLong nanos = new AtomicLong();
    CollectionTally tally = new CollectionTally(timings, WINDOW, ZoneOffset.UTC, at(LocalTime.of(2, 0)), Duration.ofSeconds(3),
        nanos::get);
    timings.gate = new CompletableFuture<>();
    CompletionStage<CollectionTally.DayCount> a = tally.count(DAY);
    CompletionStage<CollectionTally.DayCount> b = tally.count(DAY);
    timings.gate.complete(null);
    CollectionTally.DayCount first = a.toCompletableFuture().get();
    assertSame(first, b.toCompletableFuture().get(), "a count under way is shared");
    for (int i = 0; i < 100; i++) {
      assertSame(first, tally.count(DAY).toCompletableFuture().get());
    }
    assertEquals(1, timings.passes.get(), "100 requests, one pass over the meters");

    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    assertSame(first, tally.count(DAY).toCompletableFuture().get(), "the stale count answers while a new one runs");
    assertEquals(2, timings.passes.get());
    CollectionTally.DayCount second = tally.count(DAY).toCompletableFuture().get();
    assertEquals(2_500, second.total(CollectionTally.GroupCount::meters));
    assertEquals(LocalDate.of(2026, 3, 9), tally.tonight());
  }

  @Test
  void aLongPassIsRepeatedNoMoreThanOneFifthOfTheTime() throws Exception {
    Timings timings = new Timings();
    AtomicLong nanos = new AtomicLong();
    CollectionTally tally = new CollectionTally(timings, WINDOW, ZoneOffset.UTC, at(LocalTime.of(2, 0)), Duration.ofSeconds(3),
        nanos::get);
    timings.gate = new CompletableFuture<>();
    CompletionStage<CollectionTally.DayCount> first = tally.count(DAY);
    nanos.addAndGet(Duration.ofSeconds(40).toNanos()); // 100,000 meters: the pass takes 40 s
    timings.gate.complete(null);
    first.toCompletableFuture().get();
    nanos.addAndGet(Duration.ofSeconds(100).toNanos()); // 140 s after it started: under 4 x 40 s
    tally.count(DAY).toCompletableFuture().get();
    assertEquals(1, timings.passes.get(), "not again within four times its length");
    nanos.addAndGet(Duration.ofSeconds(30).toNanos());
    tally.count(DAY).toCompletableFuture().get();
    assertEquals(2, timings.passes.get());
  }

  private static long expected(Timings timings, int group, Punctuality p) {
    return timings.all.stream().filter(t -> t.group() == group && t.punctuality() == p).count();
  }
}
