package org.adcs.mdm.vee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;

/**
 * A day of intervals after VEE: each interval with its value (actual or estimated), its status
 * (R-VEE-2) and the flags that explain it. {@code version} is the revision of the delivery that
 * produced it; earlier versions stay in the store (R-VEE-3).
 *
 * @param readAt   when the meter data was read
 * @param postedAt when this version was posted to the store
 */
public record ValidatedDay(
    MeterId meter,
    Channel channel,
    LocalDate day,
    int intervalMinutes,
    int scale,
    long[] values,
    IntervalStatus[] status,
    int[] flags,
    ReadingSource source,
    Instant readAt,
    Instant postedAt,
    long version) {

  public ValidatedDay {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(day, "day");
    int count = 1440 / intervalMinutes;
    if (values.length != count || status.length != count || flags.length != count) {
      throw new IllegalArgumentException("a day of " + intervalMinutes + "-minute intervals has " + count + " entries");
    }
    values = values.clone();
    status = status.clone();
    flags = flags.clone();
  }

  public int intervalCount() {
    return values.length;
  }

  public long value(int interval) {
    return values[interval];
  }

  public IntervalStatus status(int interval) {
    return status[interval];
  }

  public int flags(int interval) {
    return flags[interval];
  }

  public boolean has(int interval, VeeFlag flag) {
    return flag.in(flags[interval]);
  }

  /** Sum of the intervals that count for billing (VAL, EST, NV). */
  public long billableTotal() {
    long total = 0;
    for (int i = 0; i < values.length; i++) {
      if (status[i].billable()) {
        total += values[i];
      }
    }
    return total;
  }

  public long count(IntervalStatus wanted) {
    return Arrays.stream(status).filter(s -> s == wanted).count();
  }

  @Override
  public long[] values() {
    return values.clone();
  }

  @Override
  public IntervalStatus[] status() {
    return status.clone();
  }

  @Override
  public int[] flags() {
    return flags.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatedDay d && meter.equals(d.meter) && channel.equals(d.channel) && day.equals(d.day)
        && intervalMinutes == d.intervalMinutes && scale == d.scale && Arrays.equals(values, d.values)
        && Arrays.equals(status, d.status) && Arrays.equals(flags, d.flags) && source == d.source
        && readAt.equals(d.readAt) && postedAt.equals(d.postedAt) && version == d.version;
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, channel, day, version, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "ValidatedDay[" + meter + " " + channel.name() + " " + day + " v" + version + " VAL=" + count(IntervalStatus.VALID)
        + " EST=" + count(IntervalStatus.ESTIMATED) + " NV=" + count(IntervalStatus.NOT_VALIDATED)
        + " NVE=" + count(IntervalStatus.NEEDS_VERIFY) + "]";
  }
}
