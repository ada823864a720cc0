package org.adcs.mdm.report;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures of a period, folded row by row as the store is scanned: sums per day, and the meters
 * seen and those with any estimated interval. A meter's rows all live in one bucket, so the scan
 * folds each bucket into a tally of its own (its sets bounded by the bucket's meters) and adds the
 * tallies' counts; {@link #merge} keeps no meter ids.
 */
public final class DeliveryTally {

  private final Map<LocalDate, DayFigures> days = new TreeMap<>();
  private final Set<String> meters = new HashSet<>();
  private final Set<String> metersWithEstimate = new HashSet<>();
  private long meterCount;
  private long metersWithEstimateCount;

  public void add(DeliveryRow row) {
    days.computeIfAbsent(row.day(), DayFigures::new).add(row);
    meters.add(row.meterId());
    if (row.estimated() > 0) {
      metersWithEstimate.add(row.meterId());
    }
  }

  /** Adds a bucket's tally (which must hold other meters than this one's) and drops its meter ids. */
  public void merge(DeliveryTally bucket) {
    bucket.days.forEach((day, figures) -> days.computeIfAbsent(day, DayFigures::new).add(figures));
    meterCount += bucket.meters();
    metersWithEstimateCount += bucket.metersWithEstimate();
  }

  /** The days with any data, in order. */
  public Map<LocalDate, DayFigures> days() {
    return days;
  }

  public long meters() {
    return meterCount + meters.size();
  }

  public long metersWithEstimate() {
    return metersWithEstimateCount + metersWithEstimate.size();
  }

  public DayFigures total() {
    DayFigures total = new DayFigures(null);
    days.values().forEach(total::add);
    return total;
  }
}
