package org.adcs.mdm.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * One meter's intervals on one channel for one day of the meter's standard time (R-COL-6: no
 * daylight-saving shift), the unit of storage and of VEE. Values are engineering values, already
 * multiplied, as {@code value * 10^scale} in the channel's unit; interval {@code i} ends at
 * {@code day 00:00 + (i + 1) * intervalMinutes} (end-of-interval timestamps).
 *
 * @param present   which intervals the meter delivered; absent ones are gaps
 * @param meterFlags per interval, a mask of {@link MeterFlag} bits
 * @param readAt    when the head-end read the data; {@code revision} orders deliveries of one meter
 */
public record IntervalDay(
    MeterId meter,
    Channel channel,
    LocalDate day,
    int intervalMinutes,
    int scale,
    long[] values,
    BitSet present,
    int[] meterFlags,
    ReadingSource source,
    Instant readAt,
    long revision) {

  public IntervalDay {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(readAt, "readAt");
    if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
      throw new IllegalArgumentException("interval length must divide a day, found " + intervalMinutes + " min");
    }
    int count = 1440 / intervalMinutes;
    if (values.length != count || meterFlags.length != count) {
      throw new IllegalArgumentException("a day of " + intervalMinutes + "-minute intervals has " + count
          + " values and flags, found " + values.length + " and " + meterFlags.length);
    }
    if (present.length() > count) {
      throw new IllegalArgumentException("presence bits beyond interval " + count);
    }
    if (scale < -9 || scale > 9) {
      throw new IllegalArgumentException("scale must be within -9..9, found " + scale);
    }
    if (revision < 0) {
      throw new IllegalArgumentException("revision must not be negative");
    }
    values = values.clone();
    present = (BitSet) present.clone();
    meterFlags = meterFlags.clone();
  }

  public int intervalCount() {
    return values.length;
  }

  public boolean isPresent(int interval) {
    return present.get(interval);
  }

  public int presentCount() {
    return present.cardinality();
  }

  public long value(int interval) {
    return values[interval];
  }

  public int meterFlags(int interval) {
    return meterFlags[interval];
  }

  /** A copy; the record keeps its own arrays immutable. */
  @Override
  public long[] values() {
    return values.clone();
  }

  @Override
  public BitSet present() {
    return (BitSet) present.clone();
  }

  @Override
  public int[] meterFlags() {
    return meterFlags.clone();
  }

  /** End of interval {@code i}, in the meter's standard time. */
  public LocalDateTime intervalEnd(int interval) {
    return day.atStartOfDay().plusMinutes((long) (interval + 1) * intervalMinutes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalDay d && meter.equals(d.meter) && channel.equals(d.channel) && day.equals(d.day)
        && intervalMinutes == d.intervalMinutes && scale == d.scale && Arrays.equals(values, d.values)
        && present.equals(d.present) && Arrays.equals(meterFlags, d.meterFlags) && source == d.source
        && readAt.equals(d.readAt) && revision == d.revision;
  }

  @Override
  public int hashCode() {
    return Objects.hash(meter, channel, day, revision, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "IntervalDay[" + meter + " " + channel.name() + " " + day + " " + presentCount() + "/" + intervalCount()
        + " intervals, " + source + ", revision " + revision + "]";
  }
}
