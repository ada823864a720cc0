package org.adcs.scheduler.readgroup;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The nightly collection window, 00:01 to 08:00 local standard time by default, cut into read groups
 * of 20 minutes (R-SCH-2). When the window is not a whole number of groups the last group is shorter
 * (00:01-08:00 gives 23 groups of 20 minutes and one of 19).
 */
public record CollectionWindow(LocalTime start, LocalTime end, Duration groupLength) {

  public static final CollectionWindow DEFAULT =
      new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(8, 0), Duration.ofMinutes(20));

  public CollectionWindow {
    Objects.requireNonNull(start, "collection window start");
    Objects.requireNonNull(end, "collection window end");
    Objects.requireNonNull(groupLength, "read group length");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("collection window must start before it ends (same day): " + start + ".." + end);
    }
    if (groupLength.compareTo(Duration.ofMinutes(1)) < 0 || groupLength.toNanos() % 60_000_000_000L != 0) {
      throw new IllegalArgumentException("read group length must be whole minutes, at least one, was " + groupLength);
    }
    if (groupLength.compareTo(Duration.between(start, end)) > 0) {
      throw new IllegalArgumentException("read group length " + groupLength + " is longer than the window " + start + ".." + end);
    }
  }

  public List<ReadGroup> groups() {
    List<ReadGroup> groups = new ArrayList<>();
    LocalTime from = start;
    while (from.isBefore(end)) {
      // Compare as durations: plus() wraps past midnight.
      LocalTime to = Duration.between(from, end).compareTo(groupLength) <= 0 ? end : from.plus(groupLength);
      groups.add(new ReadGroup(groups.size(), from, to));
      from = to;
    }
    return groups;
  }

  public int groupCount() {
    long minutes = Duration.between(start, end).toMinutes();
    return (int) ((minutes + groupLength.toMinutes() - 1) / groupLength.toMinutes());
  }

  public ReadGroup group(int index) {
    if (index < 0 || index >= groupCount()) {
      throw new IllegalArgumentException("read group " + index + " out of 0.." + (groupCount() - 1));
    }
    LocalTime from = start.plus(groupLength.multipliedBy(index));
    LocalTime to = Duration.between(from, end).compareTo(groupLength) <= 0 ? end : from.plus(groupLength);
    return new ReadGroup(index, from, to);
  }

  public Optional<ReadGroup> groupAt(LocalTime time) {
    if (time.isBefore(start) || !time.isBefore(end)) {
      return Optional.empty();
    }
    return Optional.of(group((int) (Duration.between(start, time).toMinutes() / groupLength.toMinutes())));
  }
}
