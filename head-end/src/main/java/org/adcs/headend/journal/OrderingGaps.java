package org.adcs.headend.journal;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.adcs.headend.config.SettingReader;

/**
 * Journal orderings a reader has moved past without finding their row: an insert that took its
 * ordering but had not committed yet (a late commit), or one that never will (rolled back, deleted).
 * Each is remembered with the time it was first seen, at most {@code capacity} of them, until its row
 * is found or it is older than {@code giveUpAfter} and taken as permanent. Not thread-safe: one
 * stream's polls use it one after the other.
 */
public final class OrderingGaps {

  /**
   * @param giveUpAfter how long a missing ordering is looked up again before it is taken as never coming
   * @param capacity    the most orderings one stream remembers, so a journal with many holes (deleted
   *                    events) cannot make the reader's memory or its look-ups grow without bound
   */
  public record Settings(Duration giveUpAfter, int capacity) {

    private static final String PATH = "adcs.journal.late-commits.";

    public static Settings from(Config config) {
      SettingReader read = new SettingReader(config);
      return new Settings(read.duration(PATH + "give-up-after"), read.integer(PATH + "max-gaps", 1, 100_000));
    }
  }

  /** An ordering given up, and when it was first seen missing. */
  public record Gap(long ordering, Instant firstSeen) {}

  private final Settings settings;
  private final TreeMap<Long, Instant> missing = new TreeMap<>();
  private boolean fullReported;

  public OrderingGaps(Settings settings) {
    this.settings = settings;
  }

  public boolean isEmpty() {
    return missing.isEmpty();
  }

  public int size() {
    return missing.size();
  }

  /** Room for this many more. */
  public int room() {
    return settings.capacity() - missing.size();
  }

  /** True once each time it becomes full, so a full set is reported once, not on every poll. */
  public boolean reportFull() {
    if (missing.size() < settings.capacity()) {
      fullReported = false;
      return false;
    }
    boolean first = !fullReported;
    fullReported = true;
    return first;
  }

  /** The orderings still awaited, lowest first. */
  public long[] orderings() {
    return missing.keySet().stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Remembers {@code orderings} as missing since {@code now} (an ordering already remembered keeps its
   * first sighting); returns how many did not fit.
   */
  public int add(List<Long> orderings, Instant now) {
    int refused = 0;
    for (long ordering : orderings) {
      if (missing.containsKey(ordering)) {
        continue;
      }
      if (missing.size() >= settings.capacity()) {
        refused++;
      } else {
        missing.put(ordering, now);
      }
    }
    return refused;
  }

  /** Forgets {@code ordering}, whose row has appeared; returns when it was first seen missing. */
  public Optional<Instant> found(long ordering) {
    return Optional.ofNullable(missing.remove(ordering));
  }

  /** Forgets and returns the orderings missing for longer than the give-up age, lowest first. */
  public List<Gap> giveUp(Instant now) {
    Instant seenBefore = now.minus(settings.giveUpAfter());
    List<Gap> expired = new ArrayList<>();
    missing.entrySet().removeIf(entry -> {
      if (entry.getValue().isBefore(seenBefore)) {
        expired.add(new Gap(entry.getKey(), entry.getValue()));
        return true;
      }
      return false;
    });
    return expired;
  }

  /**
   * Finds a window's missing orderings worth awaiting, given the window's rows from the highest ordering
   * down: those missing below a row written at or after {@code recentSince}, newest first, at most
   * {@code limit}. A late insert took its ordering before the rows above it were written, so a hole
   * below an old row (retention deletes, a replay from 0 on an old journal) is old too and not awaited,
   * and the walk stops at the first old row. Missing orderings above the highest row have no row to
   * date them and are not awaited either.
   */
  public static final class HoleWalk {

    private final long after;
    private final long recentSince;
    private final int limit;
    private final List<Long> holes = new ArrayList<>();
    private long above = Long.MIN_VALUE;
    private boolean aboveRecent;

    /** For the window ({@code after}, ...]; {@code recentSince} in epoch milliseconds, like write times. */
    public HoleWalk(long after, long recentSince, int limit) {
      this.after = after;
      this.recentSince = recentSince;
      this.limit = limit;
    }

    /** The next row down; false when the walk is done and needs no more rows. */
    public boolean row(long ordering, long writtenMillis) {
      if (aboveRecent) {
        collectDownTo(ordering);
      }
      aboveRecent = writtenMillis >= recentSince;
      above = ordering;
      return aboveRecent && holes.size() < limit;
    }

    /** The holes found, newest first; call when the rows ran out or {@link #row} said done. */
    public List<Long> holes() {
      if (aboveRecent && holes.size() < limit) {
        collectDownTo(after);
        aboveRecent = false;
      }
      return List.copyOf(holes);
    }

    private void collectDownTo(long below) {
      for (long o = above - 1; o > below && holes.size() < limit; o--) {
        holes.add(o);
      }
    }
  }

  @Override
  public String toString() {
    return missing.toString();
  }

  /** For logs: the first few orderings of many. */
  static String brief(List<Long> orderings) {
    return orderings.size() <= 10 ? orderings.toString()
        : orderings.subList(0, 10) + " and " + (orderings.size() - 10) + " more";
  }
}
