package org.adcs.mdm.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;

/**
 * A billing quantity request (R-MD-4): for a service point and the period [from, to), from a
 * requester that must be the point's billing agent. The framing may change inside the period: each
 * change applies from its instant, the first from {@code from}.
 *
 * @param channel         the interval channel to frame; the point's first channel when empty
 * @param registerChannel the register channel for the sum check; the interval channel's name when empty
 */
public record BqRequest(String requestId, String sdpId, String requester, Instant from, Instant to,
    List<FramingChange> framings, Optional<String> channel, Optional<String> registerChannel) {

  /** A billing period is at most this long. */
  public static final Duration MAX_PERIOD = Duration.ofDays(400);
  static final int MAX_ID = 64;
  /** Room for a cycle's generated ids: cycle, date and service point. */
  public static final int MAX_REQUEST_ID = 160;

  public BqRequest {
    if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID) {
      throw new IllegalArgumentException("requestId must be 1 to " + MAX_REQUEST_ID + " characters");
    }
    requireId("sdpId", sdpId);
    requireId("requester", requester);
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the period end " + to + " must be after its start " + from);
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw new IllegalArgumentException("a billing period is at most " + MAX_PERIOD.toDays() + " days");
    }
    framings = List.copyOf(framings);
    if (framings.isEmpty() || !framings.get(0).from().equals(from)) {
      throw new IllegalArgumentException("the first framing must apply from the period start " + from);
    }
    for (int i = 1; i < framings.size(); i++) {
      Instant at = framings.get(i).from();
      if (!at.isAfter(framings.get(i - 1).from()) || !at.isBefore(to)) {
        throw new IllegalArgumentException("framing changes must be in time order inside the period, found " + at);
      }
    }
    channel.ifPresent(c -> new Channel(c, "Wh"));
    registerChannel.ifPresent(c -> new Channel(c, "Wh"));
  }

  /** A request with one framing over the whole period and the point's own channel. */
  public static BqRequest of(String requestId, String sdpId, String requester, Instant from, Instant to,
      Framing framing) {
    return new BqRequest(requestId, sdpId, requester, from, to, List.of(new FramingChange(from, framing)),
        Optional.empty(), Optional.empty());
  }

  private static void requireId(String field, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_ID) {
      throw new IllegalArgumentException(field + " must be 1 to " + MAX_ID + " characters");
    }
  }

  public record FramingChange(Instant from, Framing framing) {
    public FramingChange {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(framing, "framing");
    }
  }
}
