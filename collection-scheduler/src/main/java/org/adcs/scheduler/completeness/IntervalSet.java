package org.adcs.scheduler.completeness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The intervals of one meter-day that were received, as a compact immutable bitmap (bit i is the
 * interval that starts i intervals after midnight, standard time). 96 quarter hours fit in two longs.
 */
public final class IntervalSet {

  /** Five-minute intervals are the finest a meter records here: 288 a day. */
  public static final int MAX_INTERVALS_PER_DAY = 288;

  private final int intervalsPerDay;
  private final long[] words;

  private IntervalSet(int intervalsPerDay, long[] words) {
    this.intervalsPerDay = intervalsPerDay;
    this.words = words;
  }

  public static IntervalSet none(int intervalsPerDay) {
    checkIntervalsPerDay(intervalsPerDay);
    return new IntervalSet(intervalsPerDay, new long[wordCount(intervalsPerDay)]);
  }

  public static IntervalSet all(int intervalsPerDay) {
    return none(intervalsPerDay).withRange(0, intervalsPerDay);
  }

  /** Builds a set from the store's words; bits beyond {@code intervalsPerDay} are rejected. */
  public static IntervalSet fromWords(int intervalsPerDay, long[] words) {
    checkIntervalsPerDay(intervalsPerDay);
    if (words.length != wordCount(intervalsPerDay)) {
      throw new IllegalArgumentException(
          "expected " + wordCount(intervalsPerDay) + " words for " + intervalsPerDay + " intervals, got " + words.length);
    }
    long[] copy = words.clone();
    int spare = copy.length * 64 - intervalsPerDay;
    if (spare > 0 && (copy[copy.length - 1] >>> (64 - spare)) != 0) {
      throw new IllegalArgumentException("interval bits set beyond interval " + (intervalsPerDay - 1));
    }
    return new IntervalSet(intervalsPerDay, copy);
  }

  public IntervalSet with(int interval) {
    return withRange(interval, interval + 1);
  }

  /** A copy with the intervals [first, endExclusive) marked received; an empty range changes nothing. */
  public IntervalSet withRange(int first, int endExclusive) {
    if (first < 0 || endExclusive < first || endExclusive > intervalsPerDay) {
      throw new IllegalArgumentException("interval range [" + first + ", " + endExclusive + ") out of 0.." + intervalsPerDay);
    }
    long[] copy = words.clone();
    for (int i = first; i < endExclusive; i++) {
      copy[i >>> 6] |= 1L << (i & 63);
    }
    return new IntervalSet(intervalsPerDay, copy);
  }

  public IntervalSet union(IntervalSet other) {
    if (other.intervalsPerDay != intervalsPerDay) {
      throw new IllegalArgumentException("cannot join days of " + intervalsPerDay + " and " + other.intervalsPerDay + " intervals");
    }
    long[] copy = words.clone();
    for (int w = 0; w < copy.length; w++) {
      copy[w] |= other.words[w];
    }
    return new IntervalSet(intervalsPerDay, copy);
  }

  public boolean contains(int interval) {
    checkIndex(interval);
    return (words[interval >>> 6] & (1L << (interval & 63))) != 0;
  }

  public int received() {
    int count = 0;
    for (long w : words) {
      count += Long.bitCount(w);
    }
    return count;
  }

  public int missing() {
    return intervalsPerDay - received();
  }

  public boolean isComplete() {
    return received() == intervalsPerDay;
  }

  public int intervalsPerDay() {
    return intervalsPerDay;
  }

  /** The runs of missing intervals, earliest first: what a recovery read must ask for. */
  public List<IntervalRun> missingRuns() {
    List<IntervalRun> runs = new ArrayList<>();
    int i = 0;
    while (i < intervalsPerDay) {
      if (contains(i)) {
        i++;
        continue;
      }
      int start = i;
      while (i < intervalsPerDay && !contains(i)) {
        i++;
      }
      runs.add(new IntervalRun(start, i));
    }
    return runs;
  }

  public long[] toWords() {
    return words.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalSet other && other.intervalsPerDay == intervalsPerDay && Arrays.equals(other.words, words);
  }

  @Override
  public int hashCode() {
    return 31 * intervalsPerDay + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "IntervalSet[" + received() + "/" + intervalsPerDay + " received]";
  }

  private void checkIndex(int interval) {
    if (interval < 0 || interval >= intervalsPerDay) {
      throw new IllegalArgumentException("interval " + interval + " out of 0.." + (intervalsPerDay - 1));
    }
  }

  private static int wordCount(int intervalsPerDay) {
    return (intervalsPerDay + 63) >>> 6;
  }

  static void checkIntervalsPerDay(int intervalsPerDay) {
    if (intervalsPerDay < 1 || intervalsPerDay > MAX_INTERVALS_PER_DAY) {
      throw new IllegalArgumentException("intervals per day must be 1.." + MAX_INTERVALS_PER_DAY + ", was " + intervalsPerDay);
    }
  }
}
