package org.adcs.scheduler.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;

/** Read-group membership and collection timings in memory, for tests. Not thread-safe: set up before the run. */
public final class InMemoryReadGroupReadSide implements ReadGroupReadSide {

  private final NavigableSet<String> unscheduled = new TreeSet<>();
  private final Map<Integer, NavigableSet<String>> members = new HashMap<>();
  private final List<CollectionTiming> timings = new ArrayList<>();
  private final int groups;
  private volatile boolean timingsUnavailable;

  public InMemoryReadGroupReadSide(int groups) {
    this.groups = groups;
  }

  public InMemoryReadGroupReadSide unscheduled(Collection<String> meterIds) {
    unscheduled.addAll(meterIds);
    return this;
  }

  public InMemoryReadGroupReadSide member(int group, String meterId) {
    members.computeIfAbsent(group, g -> new TreeSet<>()).add(meterId);
    return this;
  }

  /** Every collection-timings query fails, as in a store outage. */
  public InMemoryReadGroupReadSide timingsUnavailable() {
    timingsUnavailable = true;
    return this;
  }

  public InMemoryReadGroupReadSide timing(CollectionTiming timing) {
    timings.add(timing);
    return this;
  }

  @Override
  public CompletionStage<int[]> groupSizes(int groupCount) {
    int[] sizes = new int[groups];
    members.forEach((g, m) -> sizes[g] = m.size());
    return CompletableFuture.completedFuture(sizes);
  }

  @Override
  public CompletionStage<Page<String>> unscheduledMeters(PageRequest page) {
    return CompletableFuture.completedFuture(pageOf(unscheduled, page));
  }

  @Override
  public CompletionStage<Page<String>> membersOf(int group, PageRequest page) {
    return CompletableFuture.completedFuture(pageOf(members.getOrDefault(group, new TreeSet<>()), page));
  }

  @Override
  public CompletionStage<Page<CollectionTiming>> collectionTimings(LocalDate firstDay, LocalDate lastDay, PageRequest page) {
    if (timingsUnavailable) {
      return CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
    }
    List<CollectionTiming> sorted = timings.stream()
        .filter(t -> !t.day().isBefore(firstDay) && !t.day().isAfter(lastDay))
        .sorted(java.util.Comparator.comparing(CollectionTiming::meterId).thenComparing(CollectionTiming::day))
        .toList();
    // Pages end on a meter boundary, so "after meter id" continues without losing a meter's other days.
    List<CollectionTiming> rows = new ArrayList<>();
    String lastMeter = null;
    for (CollectionTiming t : sorted) {
      if (page.after().isPresent() && t.meterId().compareTo(page.after().get()) <= 0) {
        continue;
      }
      if (rows.size() >= page.limit() && !t.meterId().equals(lastMeter)) {
        return CompletableFuture.completedFuture(new Page<>(rows, Optional.of(lastMeter)));
      }
      rows.add(t);
      lastMeter = t.meterId();
    }
    return CompletableFuture.completedFuture(new Page<>(rows, Optional.empty()));
  }

  private static Page<String> pageOf(NavigableSet<String> set, PageRequest page) {
    NavigableSet<String> tail = page.after().isPresent() ? set.tailSet(page.after().get(), false) : set;
    List<String> rows = new ArrayList<>();
    for (String id : tail) {
      if (rows.size() == page.limit()) {
        return new Page<>(rows, Optional.of(rows.get(rows.size() - 1)));
      }
      rows.add(id);
    }
    return new Page<>(rows, Optional.empty());
  }
}
