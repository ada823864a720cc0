package org.adcs.headend.session;

import io.netty.channel.EventLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.meter.ClockPolicy;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.meter.MeterState;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.MeterReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The daily clock check at a meter's contact (R-CLK-1, R-CLK-2): read the meter's clock, let its
 * entity decide by the clock policy (and record the check), then correct it, wait past an interval
 * boundary first, or leave it alone with a clock event; every correction and failed correction is
 * recorded by the entity.
 */
final class ClockCheck {

  private static final Logger log = LoggerFactory.getLogger(ClockCheck.class);

  private final MeterSharding meters;
  private final Clock clock;
  private final ZoneOffset standardTime;
  private final Duration askTimeout;
  private final Duration every;

  ClockCheck(MeterSharding meters, Clock clock, ZoneOffset standardTime, Duration askTimeout, Duration every) {
    this.meters = meters;
    this.clock = clock;
    this.standardTime = standardTime;
    this.askTimeout = askTimeout;
    this.every = every;
  }

  /** Checks the clock unless the entity checked it within the last day. */
  CompletionStage<Void> runIfDue(String meterId, ClientSession session, EventLoop loop) {
    // On the connection's event loop: an ask's stage would otherwise start a thread per callback on
    // machines with fewer than 3 cores (see MeterConnection.collect).
    return meters.meter(meterId).<MeterState>ask(Meter.GetStatus::new, askTimeout).thenComposeAsync(state -> {
      Instant last = state.clock().lastChecked();
      boolean due = last == null || last.isBefore(clock.instant().minus(every)) || state.clock().needsAttention();
      return due ? check(meterId, session, loop) : CompletableFuture.completedFuture(null);
    }, loop);
  }

  private CompletionStage<Void> check(String meterId, ClientSession session, EventLoop loop) {
    MeterReader reader = new MeterReader(session);
    return reader.clock().thenCompose(meterClock -> {
      Instant readAt = clock.instant();
      LocalDateTime meterTime = LocalDateTime.ofInstant(meterClock, standardTime);
      return meters.meter(meterId).<ClockPolicy.Decision>ask(
              replyTo -> new Meter.CheckClock(meterTime, readAt, replyTo), askTimeout)
          .thenComposeAsync(decision -> act(meterId, session, loop, reader, decision), loop);
    }).exceptionally(error -> {
      logFor(meterId, () -> log.warn("clock check failed: {}; it is tried again at the next contact", error.toString()));
      return null;
    });
  }

  private CompletionStage<Void> act(String meterId, ClientSession session, EventLoop loop, MeterReader reader,
      ClockPolicy.Decision decision) {
    if (decision instanceof ClockPolicy.Correct correct) {
      return correct(meterId, reader, correct.drift());
    }
    if (decision instanceof ClockPolicy.CorrectLater later) {
      Duration wait = Duration.between(LocalDateTime.ofInstant(clock.instant(), standardTime), later.notBefore());
      logFor(meterId, () -> log.info("clock off by {} s, close to an interval boundary: correcting in {} ms (R-CLK-2)",
          later.drift().toSeconds(), Math.max(0, wait.toMillis())));
      loop.schedule(() -> check(meterId, session, loop), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
      return CompletableFuture.completedFuture(null);
    }
    if (decision instanceof ClockPolicy.RaiseClockEvent raise) {
      logFor(meterId, () -> log.warn("clock off by {} s, beyond the automatic correction limit: not corrected, clock"
          + " event raised (R-CLK-1); check the meter", raise.drift().toSeconds()));
    }
    return CompletableFuture.completedFuture(null);
  }

  private CompletionStage<Void> correct(String meterId, MeterReader reader, Duration drift) {
    return reader.setClock(clock.instant(), standardTime).handle((result, error) -> {
      boolean ok = error == null && result == DataAccessResult.SUCCESS;
      String detail = ok ? "set" : error != null ? error.toString() : "meter answered " + result;
      return meters.meter(meterId).<Meter.Reply>ask(replyTo ->
          new Meter.ConfirmClockCorrection(drift, ok, detail, clock.instant(), replyTo), askTimeout)
          .thenAccept(recorded -> logFor(meterId, () -> {
            if (ok) {
              log.info("clock corrected by {} s", -drift.toSeconds());
            } else {
              log.warn("clock correction of {} s failed: {}", -drift.toSeconds(), detail);
            }
          }));
    }).thenCompose(stage -> stage);
  }

  private static void logFor(String meterId, Runnable line) {
    MDC.put("meterId", meterId);
    try {
      line.run();
    } finally {
      MDC.remove("meterId");
    }
  }
}
