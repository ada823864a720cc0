package org.adcs.headend.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.scheduler.readgroup.ReadGroup;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;

/**
 * A day's collection per read group (R-SCH-4): how many meters owed the day, and of them how many
 * delivered on time, late, not at all, or are still waiting because their group's slot has not ended.
 *
 * <p>The counts come from the read side's collection timings, a page of meters at a time. Counting
 * walks every meter in service, so it is never done per request: one count per day runs at a time on
 * a node, callers get the latest finished one with its time, and a new count starts only when the last
 * is older than {@code refreshAfter}, or than four times what the last pass took when that is longer:
 * with 100,000 meters, whose pass takes a while, the read side spends at most a fifth of its time on
 * the counts, whatever the number of consoles watching.
 */
public final class CollectionTally {

  /** Rows of timings per read-side page (one per meter for one day). */
  static final int PAGE = 1_000;
  /** Days whose latest count is kept. */
  private static final int DAYS_KEPT = 8;

  /** One read group's collection of the day; {@code pending} meters' slots have not ended yet. */
  public record GroupCount(int group, Instant slotStart, Instant slotEnd, long meters, long onTime, long late, long missed,
      long pending) {}

  /** The count of one day as of {@code countedAt}. */
  public record DayCount(LocalDate day, Instant countedAt, List<GroupCount> groups) {

    public long total(java.util.function.ToLongFunction<GroupCount> field) {
      return groups.stream().mapToLong(field).sum();
    }
  }

  private final ReadGroupReadSide readSide;
  private final CollectionWindow window;
  private final ZoneOffset standardTime;
  private final Clock clock;
  private final Duration refreshAfter;
  /** A finished count, when it started and how long it took on the monotonic clock (the data clock may be a simulation's). */
  private record Counted(DayCount count, long startedNanos, long tookNanos) {

    boolean staleAt(long now, Duration refreshAfter) {
      return now - startedNanos > Math.max(refreshAfter.toNanos(), 4 * tookNanos);
    }
  }

  private final java.util.function.LongSupplier nanoTime;
  private final Map<LocalDate, Counted> latest = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<LocalDate, Counted> eldest) {
      return size() > DAYS_KEPT;
    }
  };
  private final Map<LocalDate, CompletableFuture<DayCount>> running = new LinkedHashMap<>();

  public CollectionTally(ReadGroupReadSide readSide, CollectionWindow window, ZoneOffset standardTime, Clock clock,
      Duration refreshAfter) {
    this(readSide, window, standardTime, clock, refreshAfter, System::nanoTime);
  }

  CollectionTally(ReadGroupReadSide readSide, CollectionWindow window, ZoneOffset standardTime, Clock clock,
      Duration refreshAfter, java.util.function.LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.readSide = readSide;
    this.window = window;
    this.standardTime = standardTime;
    this.clock = clock;
    this.refreshAfter = refreshAfter;
  }

  /** The day collected in the window that runs (or last ran) now: yesterday on the meters' standard time. */
  public LocalDate tonight() {
    return LocalDate.ofInstant(clock.instant(), standardTime).minusDays(1);
  }

  public ZoneOffset standardTime() {
    return standardTime;
  }

  /**
   * The latest count of {@code day}; a fresh one is started when it is older than the refresh
   * period, and awaited only when there is none yet.
   */
  public CompletionStage<DayCount> count(LocalDate day) {
    CompletableFuture<DayCount> fresh;
    Counted known;
    synchronized (this) {
      known = latest.get(day);
      long now = nanoTime.getAsLong();
      boolean stale = known == null || known.staleAt(now, refreshAfter);
      fresh = running.get(day);
      if (stale && fresh == null && running.size() < DAYS_KEPT) {
        fresh = new CompletableFuture<>();
        running.put(day, fresh);
        CompletableFuture<DayCount> mine = fresh;
        Instant at = clock.instant();
        countFrom(day, PageRequest.first(PAGE), new Tally(day, at)).whenComplete((count, error) -> {
          synchronized (this) {
            running.remove(day);
            if (error == null) {
              latest.put(day, new Counted(count, now, nanoTime.getAsLong() - now));
            }
          }
          if (error == null) {
            mine.complete(count);
          } else {
            mine.completeExceptionally(error);
          }
        });
      }
    }
    if (known != null) {
      return CompletableFuture.completedFuture(known.count());
    }
    return fresh != null ? fresh : CompletableFuture.failedFuture(new IllegalStateException(
        "too many days are being counted at once; try again shortly"));
  }

  private CompletionStage<DayCount> countFrom(LocalDate day, PageRequest page, Tally tally) {
    return readSide.collectionTimings(day, day, page).thenCompose((Page<CollectionTiming> rows) -> {
      rows.rows().forEach(tally::add);
      Optional<String> after = rows.continueAfter();
      return after.isPresent() ? countFrom(day, page.next(after.get()), tally)
          : CompletableFuture.completedFuture(tally.result());
    });
  }

  /** Counts of one pass; a meter still inside its group's slot with nothing yet is waiting, not missed. */
  private final class Tally {
    private final LocalDate day;
    private final Instant at;
    private final long[][] counts = new long[window.groupCount()][4];

    Tally(LocalDate day, Instant at) {
      this.day = day;
      this.at = at;
    }

    void add(CollectionTiming timing) {
      int column = switch (timing.punctuality()) {
        case ON_TIME -> 0;
        case LATE -> 1;
        case MISSED -> slotEnd(window.group(timing.group())).isAfter(at) ? 3 : 2;
      };
      counts[timing.group()][column]++;
    }

    private Instant slotStart(ReadGroup group) {
      return day.plusDays(1).atTime(group.start()).toInstant(standardTime);
    }

    private Instant slotEnd(ReadGroup group) {
      return day.plusDays(1).atTime(group.end()).toInstant(standardTime);
    }

    DayCount result() {
      List<GroupCount> groups = new ArrayList<>();
      for (int g = 0; g < counts.length; g++) {
        long[] c = counts[g];
        ReadGroup group = window.group(g);
        groups.add(new GroupCount(g, slotStart(group), slotEnd(group), c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]));
      }
      return new DayCount(day, at, List.copyOf(groups));
    }
  }
}
