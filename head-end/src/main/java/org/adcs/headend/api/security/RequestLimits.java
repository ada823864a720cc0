package org.adcs.headend.api.security;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets per caller: {@code burst} requests at once, refilled at {@code perSecond}
 * (R-DAT-4: each party's use of the network is held to its limit). At most {@value #MAX_CALLERS}
 * buckets are kept; a bucket not used for long is full again anyway, so forgetting it loses nothing.
 */
final class RequestLimits {

  static final int MAX_CALLERS = 100_000;

  record Limit(int burst, int perSecond) {}

  /** The caller may go on, or must wait {@code retryAfter}. */
  record Decision(boolean allowed, Duration retryAfter) {}

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  private final Limit limit;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = LeastRecentlyUsed.map(MAX_CALLERS);

  RequestLimits(Limit limit, LongSupplier nanos) {
    this.limit = limit;
    this.nanos = nanos;
  }

  /** Takes one request from the caller's bucket if there is one. */
  synchronized Decision take(String caller) {
    return decide(caller, true);
  }

  /** Whether the caller could make a request now, without taking it. */
  synchronized Decision peek(String caller) {
    return decide(caller, false);
  }

  private Decision decide(String caller, boolean take) {
    long now = nanos.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(caller, c -> new Bucket(limit.burst(), now));
    bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.at) / 1e9 * limit.perSecond());
    bucket.at = now;
    if (bucket.tokens >= 1) {
      if (take) {
        bucket.tokens -= 1;
      }
      return new Decision(true, Duration.ZERO);
    }
    long waitNanos = (long) Math.ceil((1 - bucket.tokens) / limit.perSecond() * 1e9);
    return new Decision(false, Duration.ofNanos(waitNanos));
  }
}
