package org.adcs.mdm.reading;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A cumulative register reading (e.g. the midnight read of active import), as
 * {@code value * 10^scale} in the channel's unit, taken at {@code readAt} in the meter's standard time.
 */
public record RegisterRead(
    MeterId meter, Channel channel, LocalDateTime readAt, long value, int scale, ReadingSource source,
    Instant receivedAt, long revision) {

  public RegisterRead {
    Objects.requireNonNull(meter, "meter");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (value < 0) {
      throw new IllegalArgumentException("a cumulative register cannot be negative, found " + value);
    }
    if (scale < -9 || scale > 9) {
      throw new IllegalArgumentException("scale must be within -9..9, found " + scale);
    }
  }
}
