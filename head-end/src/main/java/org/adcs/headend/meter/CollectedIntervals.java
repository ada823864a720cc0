package org.adcs.headend.meter;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which intervals of which days the head-end holds for one meter, per channel: a bitmap per day
 * over a sliding window of days (at least the 45 a meter keeps). A few hundred bytes per channel, so
 * the entity knows at once what is missing and whether a re-sent interval is new.
 *
 * <p>Immutable: {@link #with} returns a new value (entity state must not change outside events).
 */
public record CollectedIntervals(int windowDays, Map<String, TreeMap<LocalDate, long[]>> channels) {

  public CollectedIntervals {
    if (windowDays < 45) {
      throw new IllegalArgumentException("the window must cover at least the 45 days a meter keeps");
    }
    TreeMap<String, TreeMap<LocalDate, long[]>> copy = new TreeMap<>();
    channels.forEach((channel, days) -> {
      TreeMap<LocalDate, long[]> d = new TreeMap<>();
      days.forEach((day, words) -> d.put(day, words.clone()));
      copy.put(channel, d);
    });
    channels = copy;
  }

  public static CollectedIntervals empty() {
    return new CollectedIntervals(62, Map.of());
  }

  public BitSet day(String channel, LocalDate day) {
    TreeMap<LocalDate, long[]> days = channels.get(channel);
    long[] words = days == null ? null : days.get(day);
    return words == null ? new BitSet() : BitSet.valueOf(words);
  }

  /** True when every interval in {@code present} is already held. */
  public boolean holdsAll(String channel, LocalDate day, BitSet present) {
    BitSet missing = (BitSet) present.clone();
    missing.andNot(day(channel, day));
    return missing.isEmpty();
  }

  /** Adds intervals, dropping days that fell out of the window behind {@code newestDay}. */
  public CollectedIntervals with(String channel, LocalDate day, BitSet present, LocalDate today) {
    Map<String, TreeMap<LocalDate, long[]>> next = new TreeMap<>(channels);
    TreeMap<LocalDate, long[]> days = new TreeMap<>(next.getOrDefault(channel, new TreeMap<>()));
    BitSet merged = day(channel, day);
    merged.or(present);
    days.put(day, merged.toLongArray());
    days.headMap(today.minusDays(windowDays)).clear();
    next.put(channel, days);
    return new CollectedIntervals(windowDays, next);
  }

  /** Intervals held on {@code day} for {@code channel}. */
  public int count(String channel, LocalDate day) {
    return day(channel, day).cardinality();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CollectedIntervals other) || other.windowDays != windowDays
        || !other.channels.keySet().equals(channels.keySet())) {
      return false;
    }
    for (var entry : channels.entrySet()) {
      var mine = entry.getValue();
      var theirs = other.channels.get(entry.getKey());
      if (!mine.keySet().equals(theirs.keySet())) {
        return false;
      }
      for (var day : mine.entrySet()) {
        if (!Arrays.equals(day.getValue(), theirs.get(day.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return channels.keySet().hashCode() * 31 + windowDays;
  }
}
