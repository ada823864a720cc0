package org.adcs.headend.meter;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The daily clock check (R-CLK-1, R-CLK-2): a drift above the tolerance and up to the limit is
 * corrected automatically, but never within a guard time of an interval boundary (the correction
 * waits until it has passed); above the limit a clock event is raised and nothing is corrected.
 */
public record ClockPolicy(Duration tolerance, Duration limit, Duration guard, int intervalMinutes) {

  public ClockPolicy {
    if (tolerance.isNegative() || limit.compareTo(tolerance) <= 0) {
      throw new IllegalArgumentException("clock limit must exceed the tolerance");
    }
    if (guard.isNegative() || guard.toSeconds() * 2 >= intervalMinutes * 60L) {
      throw new IllegalArgumentException("clock guard must be shorter than half an interval");
    }
  }

  /** 20 s tolerance, 120 s limit, no correction within 30 s of a 15-minute boundary. */
  public static ClockPolicy defaults() {
    return new ClockPolicy(Duration.ofSeconds(20), Duration.ofSeconds(120), Duration.ofSeconds(30), 15);
  }

  /** What to do about a meter clock reading {@code meterTime} when the head-end's clock says {@code now}. */
  public sealed interface Decision extends org.adcs.headend.serialization.CborSerializable
      permits InTolerance, Correct, CorrectLater, RaiseClockEvent {

    /** How far the meter clock is ahead (positive) or behind system time. */
    Duration drift();
  }

  public record InTolerance(Duration drift) implements Decision {}

  public record Correct(Duration drift) implements Decision {}

  /** Too close to an interval boundary: correct once {@code notBefore} (system time) has passed. */
  public record CorrectLater(Duration drift, LocalDateTime notBefore) implements Decision {}

  public record RaiseClockEvent(Duration drift) implements Decision {}

  /** Both times are the meter's standard time. Drift is meter minus system time. */
  public Decision decide(LocalDateTime meterTime, LocalDateTime now) {
    Duration drift = Duration.between(now, meterTime);
    Duration size = drift.abs();
    if (size.compareTo(tolerance) <= 0) {
      return new InTolerance(drift);
    }
    if (size.compareTo(limit) > 0) {
      return new RaiseClockEvent(drift);
    }
    LocalDateTime unsafeUntil = guardEnd(meterTime).orElse(null);
    LocalDateTime unsafeUntilSystem = guardEnd(now).orElse(null);
    if (unsafeUntil != null || unsafeUntilSystem != null) {
      // Wait until both the meter's clock and ours are clear of the boundary they are near.
      LocalDateTime meterClearAt = unsafeUntil == null ? now : now.plus(Duration.between(meterTime, unsafeUntil));
      LocalDateTime systemClearAt = unsafeUntilSystem == null ? now : unsafeUntilSystem;
      return new CorrectLater(drift, meterClearAt.isAfter(systemClearAt) ? meterClearAt : systemClearAt);
    }
    return new Correct(drift);
  }

  /** If {@code time} is within the guard of an interval boundary, when that guard ends. */
  private java.util.Optional<LocalDateTime> guardEnd(LocalDateTime time) {
    long intervalSeconds = intervalMinutes * 60L;
    long secondOfDay = time.toLocalTime().toSecondOfDay();
    long intoInterval = secondOfDay % intervalSeconds;
    long guardSeconds = guard.toSeconds();
    if (intoInterval < guardSeconds) {
      return java.util.Optional.of(time.withNano(0).plusSeconds(guardSeconds - intoInterval));
    }
    if (intervalSeconds - intoInterval <= guardSeconds) {
      return java.util.Optional.of(time.withNano(0).plusSeconds(intervalSeconds - intoInterval + guardSeconds));
    }
    return java.util.Optional.empty();
  }
}
