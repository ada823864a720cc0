package org.adcs.scheduler.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;

/**
 * A read side for a large population kept the way a store's rows would be: one long of complete days
 * per meter and the interval bitmaps of partial days, generated from a fixed seed. Meter ids are
 * "m" and seven digits, so their string order is the index order; rows are turned into objects only
 * for the page asked for, as a store driver would.
 */
public final class GeneratedReadSide implements CompletenessReadSide, ReadGroupReadSide {

  private final int meters;
  private final LocalDate lastDay;
  private final int span;
  private final long[] completeDays;
  private final Map<Integer, IntervalSet> partialYesterday = new HashMap<>();
  private final int missingMeters;

  /** Shares of the population: missing yesterday entirely, partial yesterday, missing one older day. */
  public GeneratedReadSide(int meters, LocalDate lastDay, int span, double missingYesterday, double partial, double olderGap, long seed) {
    this.meters = meters;
    this.lastDay = lastDay;
    this.span = span;
    this.completeDays = new long[meters];
    long all = DaySet.all(lastDay, span).bits();
    var random = new SplittableRandom(seed);
    int missing = 0;
    for (int i = 0; i < meters; i++) {
      double draw = random.nextDouble();
      long bits = all;
      if (draw < missingYesterday) {
        bits &= ~1L;
      } else if (draw < missingYesterday + partial) {
        bits &= ~1L;
        int hole = random.nextInt(90);
        partialYesterday.put(i, IntervalSet.none(96).withRange(0, hole).withRange(hole + 1 + random.nextInt(5), 96));
      } else if (draw < missingYesterday + partial + olderGap) {
        bits &= ~(1L << (1 + random.nextInt(span - 1)));
      }
      if (bits != all) {
        missing++;
      }
      completeDays[i] = bits;
    }
    this.missingMeters = missing;
  }

  public static String meterId(int index) {
    return String.format("m%07d", index);
  }

  public int meters() {
    return meters;
  }

  public int missingMeters() {
    return missingMeters;
  }

  public long completeDaysOf(int index) {
    return completeDays[index];
  }

  public IntervalSet partialOf(int index) {
    return partialYesterday.get(index);
  }

  private int firstIndex(PageRequest page) {
    return page.after().map(id -> Integer.parseInt(id.substring(1)) + 1).orElse(0);
  }

  @Override
  public CompletionStage<Page<MeterCompleteness>> completeness(LocalDate day, int days, PageRequest page) {
    if (!day.equals(lastDay) || days != span) {
      throw new IllegalArgumentException("generated for " + lastDay + "/" + span + ", asked " + day + "/" + days);
    }
    int from = firstIndex(page);
    int to = Math.min(meters, from + page.limit());
    List<MeterCompleteness> rows = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      IntervalSet partial = partialYesterday.get(i);
      rows.add(new MeterCompleteness(meterId(i), new DaySet(lastDay, span, completeDays[i]),
          partial == null ? Map.of() : Map.of(lastDay, partial)));
    }
    return CompletableFuture.completedFuture(new Page<>(rows, to < meters ? Optional.of(meterId(to - 1)) : Optional.empty()));
  }

  @Override
  public CompletionStage<int[]> groupSizes(int groupCount) {
    return CompletableFuture.completedFuture(new int[groupCount]);
  }

  /** Every meter is unscheduled: the worst night, a whole population self-registered at once. */
  @Override
  public CompletionStage<Page<String>> unscheduledMeters(PageRequest page) {
    int from = firstIndex(page);
    int to = Math.min(meters, from + page.limit());
    List<String> rows = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      rows.add(meterId(i));
    }
    return CompletableFuture.completedFuture(new Page<>(rows, to < meters ? Optional.of(meterId(to - 1)) : Optional.empty()));
  }

  @Override
  public CompletionStage<Page<String>> membersOf(int group, PageRequest page) {
    return CompletableFuture.completedFuture(new Page<>(List.of(), Optional.empty()));
  }

  @Override
  public CompletionStage<Page<CollectionTiming>> collectionTimings(LocalDate firstDay, LocalDate lastDay, PageRequest page) {
    return CompletableFuture.completedFuture(new Page<>(List.of(), Optional.empty()));
  }
}
