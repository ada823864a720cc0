package org.adcs.mdm.vee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;

/**
 * A day of intervals after VEE: each interval with its value (actual or estimated), its status
 * (R-VEE-2) and the flags that explain it. Earlier versions stay in the store (R-VEE-3).
 *
 * <p>A version is identified by ({@code version}, {@code repost}): a delivery's version is its
 * revision with repost 0; a repost after a service date change (R-MD-2) keeps the revision of the
 * newest version it was made from and counts up {@code repost} from 1. So a repost sorts after
 * everything delivered before it and before every later delivery, and the two never share a key:
 * a later delivery cannot overwrite a repost, nor a repost a delivery.
 *
 * @param readAt     when the meter data was read
 * @param postedAt   when this version was posted to the store
 * @param version    the revision of the delivery that produced it, or that the repost followed
 * @param repost     0 for a delivery's version; n for the n-th repost after revision {@code version}
 * @param adjustment the reason code (wire name) of the adjustment its {@link VeeFlag#ADJUSTED}
 *                   intervals carry (R-VEE-3); empty when none is adjusted
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
    long version,
    int repost,
    Optional<String> adjustment) {

  /** Oldest version first, as the store orders a day's versions the other way round. */
  public static final Comparator<ValidatedDay> OLDEST_FIRST =
      Comparator.comparingLong(ValidatedDay::version).thenComparingInt(ValidatedDay::repost);

  /** A delivery's version: no repost, no adjustment. */
  public ValidatedDay(MeterId meter, Channel channel, LocalDate day, int intervalMinutes, int scale, long[] values,
      IntervalStatus[] status, int[] flags, ReadingSource source, Instant readAt, Instant postedAt, long version) {
    this(meter, channel, day, intervalMinutes, scale, values, status, flags, source, readAt, postedAt, version, 0,
        Optional.empty());
  }

  public ValidatedDay {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(adjustment, "adjustment");
    if (repost < 0) {
      throw new IllegalArgumentException("repost must not be negative");
    }
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

  /** "4" for the version of delivery 4, "4.1" for the first repost after it. */
  public String versionLabel() {
    return repost == 0 ? Long.toString(version) : version + "." + repost;
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
        && readAt.equals(d.readAt) && postedAt.equals(d.postedAt) && version == d.version && repost == d.repost
        && adjustment.equals(d.adjustment);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, channel, day, version, repost, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "ValidatedDay[" + meter + " " + channel.name() + " " + day + " v" + versionLabel() + " VAL=" + count(IntervalStatus.VALID)
        + " EST=" + count(IntervalStatus.ESTIMATED) + " NV=" + count(IntervalStatus.NOT_VALIDATED)
        + " NVE=" + count(IntervalStatus.NEEDS_VERIFY) + "]";
  }
}
