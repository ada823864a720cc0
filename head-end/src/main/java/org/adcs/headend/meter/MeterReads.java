package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import akka.persistence.typed.javadsl.EffectFactories;
import akka.persistence.typed.javadsl.ReplyEffect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.adcs.headend.meter.Meter.*;
import org.adcs.headend.meter.MeterModel.LoggedEvent;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.metrics.HeadEndMetrics;

/**
 * The meter entity's reads (R-OD-1, R-OD-2, R-MIS-1): through the live session, or parked until the
 * meter is in contact (dialling one that listens), tried twice, every failure recorded and the
 * operator told of the last one. Part of {@link Meter}: it decides, the entity persists.
 */
final class MeterReads {

  private static final java.time.Duration RETRY_PAUSE = java.time.Duration.ofSeconds(1);

  private final Meter.Parts meter;
  private final Supplier<EffectFactories<Event, MeterState>> effects;

  MeterReads(Meter.Parts meter, Supplier<EffectFactories<Event, MeterState>> effects) {
    this.meter = meter;
    this.effects = effects;
  }

  ReplyEffect<Event, MeterState> onReadRange(MeterState state, ReadRange cmd) {
    ActorRef<MeterRequests.Request> session = meter.liveSession(state);
    if (session != null) {
      askForRead(session, 1, cmd);
      return effects.get().noReply();
    }
    Optional<WaitingRequests.ParkedRead> parked = meter.waiting().park(cmd, 1);
    if (parked.isEmpty()) {
      return effects.get().reply(cmd.replyTo(), MeterRequests.ReadResult.failed("meter " + meter.meterId() + " is not in contact and "
          + WaitingRequests.MAX_PARKED_READS + " reads already wait for it", null));
    }
    meter.timers().startSingleTimer(parked.get().id(), new ParkedReadExpired(parked.get().id()), meter.attemptTimeout());
    Registration registration = state.registration();
    if (registration.connection() == MeterModel.ConnectionKind.HEAD_END_DIALS) {
      meter.dialler().dial(registration);
    }
    meter.context().getLog().info("meter {}: not in contact; {} read for {} waits up to {} for it{}", meter.meterId(),
        cmd.source(), cmd.requestedBy(), waitFor(),
        registration.connection() == MeterModel.ConnectionKind.HEAD_END_DIALS ? " (dialling " + registration.address() + ")" : "");
    return effects.get().noReply();
  }

  ReplyEffect<Event, MeterState> onParkedReadExpired(MeterState state, ParkedReadExpired expired) {
    return meter.waiting().take(expired.id())
        .map(parked -> {
          String detail = "meter " + meter.meterId() + " did not come into contact within " + waitFor();
          meter.context().getLog().error("operator: {} read of meter {} ({}) for {} failed: {}; check the meter and its"
              + " communications", parked.request().source(), meter.meterId(), state.registration().logicalDeviceName(),
              parked.request().requestedBy(), detail);
          return effects.get().persist(new ReadFailed(parked.request().source() + " read", detail, state.lastContact()))
              .thenReply(parked.request().replyTo(), s -> MeterRequests.ReadResult.failed(detail, null));
        })
        .orElseGet(() -> effects.get().noReply());
  }

  void askForRead(ActorRef<MeterRequests.Request> session, int attempt, ReadRange request) {
    meter.context().ask(MeterRequests.ReadResult.class, session, meter.attemptTimeout(),
        replyTo -> new MeterRequests.ReadRange(request.from(), request.to(), request.source(), replyTo),
        (result, error) -> new ReadAnswered(error == null ? result : MeterRequests.ReadResult.failed(
            "no valid answer within " + waitFor(), null), attempt, request));
  }

  ReplyEffect<Event, MeterState> onReadAnswered(MeterState state, ReadAnswered answered) {
    MeterRequests.ReadResult result = answered.result();
    ReadRange request = answered.request();
    if (result.ok()) {
      List<Event> events = new java.util.ArrayList<>();
      if (result.intervals() != null && !result.intervals().days().isEmpty()) {
        events.add(new IntervalsCollected(result.intervals()));
      }
      List<LoggedEvent> fresh = state.recentEvents().newOnes(result.events());
      if (!fresh.isEmpty()) {
        events.add(new EventsReceived(fresh, result.at()));
      }
      meter.context().getLog().info("meter {}: {} read for {} completed (attempt {}, {} intervals)", meter.meterId(), request.source(),
          request.requestedBy(), answered.attempt(), result.intervalsReceived());
      HeadEndMetrics.READS.labelValues(request.source().name(), "ok").inc();
      if (request.source() == MeterModel.Source.ON_DEMAND) {
        // The operator's answer does not queue behind the night's journal writes (R-OD-1, R-OD-4): it
        // goes now and the read is stored after it. Should that write fail, the meter still holds the
        // data and its next push or a recovery read brings it. Other reads are answered once stored,
        // so the scheduler counts a recovered day only when it is in the journal.
        request.replyTo().tell(result);
        return events.isEmpty() ? effects.get().noReply() : effects.get().persist(events).thenNoReply();
      }
      return effects.get().persist(events).thenReply(request.replyTo(), s -> result);
    }
    Instant at = result.at() != null ? result.at() : state.lastContact();
    ReadFailed failed = new ReadFailed(request.source() + " read attempt " + answered.attempt(), result.detail(), at);
    if (answered.attempt() == 1) {
      // The second attempt waits a moment: a connection that dropped mid-transfer is noticed first, and
      // then the retry waits for the meter's next contact (dialling it if it listens) within the timeout.
      Optional<WaitingRequests.ParkedRead> retry = meter.waiting().park(request, 2);
      if (retry.isPresent()) {
        meter.context().getLog().warn("meter {}: {} read attempt 1 failed ({}); trying once more", meter.meterId(),
            request.source(), result.detail());
        HeadEndMetrics.READS.labelValues(request.source().name(), "retried").inc();
        long id = retry.get().id();
        meter.timers().startSingleTimer(id, new ParkedReadExpired(id), meter.attemptTimeout());
        meter.timers().startSingleTimer(retryKey(id), new RetryDue(id), RETRY_PAUSE);
        return effects.get().persist(failed).thenNoReply();
      }
    }
    meter.context().getLog().error("operator: {} read of meter {} ({}) for {} failed twice ({}); check the meter and its"
        + " communications", request.source(), meter.meterId(), state.registration().logicalDeviceName(),
        request.requestedBy(), result.detail());
    HeadEndMetrics.READS.labelValues(request.source().name(), "failed").inc();
    return effects.get().persist(failed).thenReply(request.replyTo(), s -> result);
  }

  /** The second attempt: now if the meter is in contact, else it stays parked for its next contact. */
  ReplyEffect<Event, MeterState> onRetryDue(MeterState state, RetryDue due) {
    ActorRef<MeterRequests.Request> session = meter.liveSession(state);
    if (session == null) {
      Registration registration = state.registration();
      if (registration.connection() == MeterModel.ConnectionKind.HEAD_END_DIALS) {
        meter.dialler().dial(registration);
      }
      return effects.get().noReply();
    }
    meter.waiting().take(due.id()).ifPresent(parked -> {
      meter.timers().cancel(parked.id());
      askForRead(session, parked.attempt(), parked.request());
    });
    return effects.get().noReply();
  }

  /** Timer key of a parked read's retry, apart from its expiry timer's key (the id itself). */
  static String retryKey(long id) {
    return "retry-" + id;
  }

  /** The attempt timeout as an operator reads it ("4 min", "90 s", "400 ms"). */
  private String waitFor() {
    long millis = meter.attemptTimeout().toMillis();
    return millis % 60_000 == 0 ? millis / 60_000 + " min" : millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
