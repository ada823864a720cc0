package org.adcs.scheduler.readgroup;

import java.util.Arrays;

/**
 * How many meters each read group holds, and the balancing rule of R-SCH-2: a new meter goes to the
 * least loaded group (the earliest one on a tie). One int per group: this is the aggregate the
 * assignment keeps, never a list of meters.
 */
public final class ReadGroupLoads {

  private final int[] sizes;

  public ReadGroupLoads(int[] sizes) {
    if (sizes.length == 0) {
      throw new IllegalArgumentException("there must be at least one read group");
    }
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 0) {
        throw new IllegalArgumentException("read group " + i + " has a negative size " + sizes[i]);
      }
    }
    this.sizes = sizes.clone();
  }

  public static ReadGroupLoads empty(int groups) {
    return new ReadGroupLoads(new int[groups]);
  }

  /** Places one meter in the least loaded group and returns that group's index. */
  public int assignLeastLoaded() {
    int best = 0;
    for (int g = 1; g < sizes.length; g++) {
      if (sizes[g] < sizes[best]) {
        best = g;
      }
    }
    sizes[best]++;
    return best;
  }

  /** Records that a meter moved between groups (R-SCH-4). */
  public void move(int from, int to) {
    checkGroup(from);
    checkGroup(to);
    if (sizes[from] == 0) {
      throw new IllegalStateException("read group " + from + " has no meter to move");
    }
    sizes[from]--;
    sizes[to]++;
  }

  /** Records that a meter's assignment was withdrawn, e.g. it never acknowledged its schedule. */
  public void release(int group) {
    checkGroup(group);
    if (sizes[group] == 0) {
      throw new IllegalStateException("read group " + group + " is already empty");
    }
    sizes[group]--;
  }

  public int size(int group) {
    checkGroup(group);
    return sizes[group];
  }

  private void checkGroup(int group) {
    if (group < 0 || group >= sizes.length) {
      throw new IllegalArgumentException("read group " + group + " out of 0.." + (sizes.length - 1));
    }
  }

  public int groupCount() {
    return sizes.length;
  }

  public long total() {
    long total = 0;
    for (int s : sizes) {
      total += s;
    }
    return total;
  }

  /** Largest minus smallest group. */
  public int spread() {
    return Arrays.stream(sizes).max().orElse(0) - Arrays.stream(sizes).min().orElse(0);
  }

  public int[] sizes() {
    return sizes.clone();
  }
}
