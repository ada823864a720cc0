package org.adcs.scheduler.readgroup;

import org.adcs.scheduler.readside.CollectionTiming;

/**
 * Counts per read group of scheduled collections on time, late and missed over a review period
 * (R-SCH-4): three longs per group, however many meters pass through.
 */
public final class GroupPunctuality {

  private final long[] onTime;
  private final long[] late;
  private final long[] missed;

  public GroupPunctuality(int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("there must be at least one read group, was " + groups);
    }
    onTime = new long[groups];
    late = new long[groups];
    missed = new long[groups];
  }

  public void record(CollectionTiming timing) {
    int g = timing.group();
    if (g < 0 || g >= onTime.length) {
      throw new IllegalArgumentException("meter " + timing.meterId() + " has collection timing for unknown read group " + g);
    }
    switch (timing.punctuality()) {
      case ON_TIME -> onTime[g]++;
      case LATE -> late[g]++;
      case MISSED -> missed[g]++;
    }
  }

  public int groupCount() {
    return onTime.length;
  }

  public long onTime(int group) {
    return onTime[group];
  }

  public long late(int group) {
    return late[group];
  }

  public long missed(int group) {
    return missed[group];
  }

  public long observations(int group) {
    return onTime[group] + late[group] + missed[group];
  }
}
