package org.adcs.scheduler.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;

/**
 * The completeness read side as a sorted map, for tests. Meters are stored with their complete days
 * over a window ending on {@code lastDay}; a query for the same window returns them as stored.
 */
public final class InMemoryCompletenessReadSide implements CompletenessReadSide {

  private final TreeMap<String, MeterCompleteness> meters = new TreeMap<>();
  private final AtomicInteger pagesServed = new AtomicInteger();
  private final AtomicInteger pagesAsked = new AtomicInteger();
  private volatile int failNextPages;

  public InMemoryCompletenessReadSide put(MeterCompleteness meter) {
    meters.put(meter.meterId(), meter);
    return this;
  }

  public InMemoryCompletenessReadSide complete(String meterId, LocalDate lastDay, int span) {
    return put(MeterCompleteness.allComplete(meterId, lastDay, span));
  }

  /** A meter missing the days {@code lastDay - offset}. */
  public InMemoryCompletenessReadSide missing(String meterId, LocalDate lastDay, int span, int... offsets) {
    DaySet days = DaySet.all(lastDay, span);
    for (int offset : offsets) {
      days = days.without(lastDay.minusDays(offset));
    }
    return put(new MeterCompleteness(meterId, days, Map.of()));
  }

  /** A meter whose {@code day} has only the given intervals. */
  public InMemoryCompletenessReadSide partial(String meterId, LocalDate lastDay, int span, LocalDate day, IntervalSet received) {
    return put(new MeterCompleteness(meterId, DaySet.all(lastDay, span).without(day), Map.of(day, received)));
  }

  /** The next {@code n} page requests fail, as a store outage would. */
  public void failNextPages(int n) {
    failNextPages = n;
  }

  public int pagesAsked() {
    return pagesAsked.get();
  }

  public int pagesServed() {
    return pagesServed.get();
  }

  @Override
  public CompletionStage<Page<MeterCompleteness>> completeness(LocalDate lastDay, int span, PageRequest page) {
    pagesAsked.incrementAndGet();
    if (failNextPages > 0) {
      failNextPages--;
      return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
    }
    pagesServed.incrementAndGet();
    var tail = page.after().isPresent() ? meters.tailMap(page.after().get(), false) : meters;
    List<MeterCompleteness> rows = new ArrayList<>();
    for (MeterCompleteness meter : tail.values()) {
      if (rows.size() == page.limit()) {
        break;
      }
      if (!meter.completeDays().lastDay().equals(lastDay) || meter.completeDays().span() != span) {
        throw new IllegalArgumentException("test data for " + meter.meterId() + " is for another window than " + lastDay + "/" + span);
      }
      rows.add(meter);
    }
    boolean more = !rows.isEmpty() && meters.higherKey(rows.get(rows.size() - 1).meterId()) != null;
    return CompletableFuture.completedFuture(new Page<>(rows, more ? Optional.of(rows.get(rows.size() - 1).meterId()) : Optional.empty()));
  }
}
