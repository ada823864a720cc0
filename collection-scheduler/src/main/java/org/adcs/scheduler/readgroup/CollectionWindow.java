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
 *
 * <p>Read times keep clear of the last {@code readTimeMargin} of their slot (5 minutes by default),
 * so a push that takes a while to get through still arrives within the slot and counts as on time
 * (R-SCH-4 judges punctuality against the slot's end).
 */
public record CollectionWindow(LocalTime start, LocalTime end, Duration groupLength, Duration readTimeMargin) {

  public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

  public static final CollectionWindow DEFAULT =
      new CollectionWindow(LocalTime.of(0, 1), LocalTime.of(8, 0), Duration.ofMinutes(20), DEFAULT_MARGIN);

  /** A window with the default margin. */
  public CollectionWindow(LocalTime start, LocalTime end, Duration groupLength) {
    this(start, end, groupLength, DEFAULT_MARGIN.compareTo(groupLength) < 0 ? DEFAULT_MARGIN : Duration.ZERO);
  }

  public CollectionWindow {
    Objects.requireNonNull(start, "collection window start");
    Objects.requireNonNull(end, "collection window end");
    Objects.requireNonNull(groupLength, "read group length");
    Objects.requireNonNull(readTimeMargin, "read time margin");
    if (readTimeMargin.isNegative() || readTimeMargin.compareTo(groupLength) >= 0) {
      throw new IllegalArgumentException("read time margin must be at least 0 and shorter than a read group (" + groupLength
          + "), was " + readTimeMargin);
    }
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

  /** The default read time of a meter in group {@code index}, clear of the slot's last {@code readTimeMargin}. */
  public LocalTime readTimeFor(int index, String meterId) {
    return group(index).readTimeFor(meterId, readTimeMargin);
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
