package org.adcs.headend.api.data;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.StashBuffer;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.adcs.mdm.market.DailyDelivery;
import org.adcs.mdm.market.DeliveryRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the daily market delivery (R-MD-5) on one node of the cluster (a cluster singleton, so a file
 * is written once): every {@code check}, and when an operator asks. One run at a time; a request made
 * during a run waits for it and starts the next; checks during a run are dropped (the next one comes).
 */
final class MarketRunner {

  sealed interface Command {}

  record Check() implements Command {}

  /** Deliver what is due now and answer with what was delivered. */
  record RunNow(ActorRef<Outcome> replyTo) implements Command {}

  private record Finished(List<DeliveryRecord> delivered, Throwable failure, ActorRef<Outcome> replyTo)
      implements Command {}

  /** What a run delivered, or why it failed (deliveries before the failure stand). */
  record Outcome(List<DeliveryRecord> delivered, String failure) {}

  /** Operator requests that may wait for a run. */
  static final int WAITING = 64;
  private static final Logger log = LoggerFactory.getLogger(MarketRunner.class);

  private final DailyDelivery delivery;
  private final Executor blocking;

  MarketRunner(DailyDelivery delivery, Executor blocking) {
    this.delivery = delivery;
    this.blocking = blocking;
  }

  ActorRef<Command> start(ActorSystem<?> system, Duration every) {
    Behavior<Command> behavior = Behaviors.withStash(WAITING, stash -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Check(), every);
      return idle(stash);
    }));
    return ClusterSingleton.get(system).init(SingletonActor.of(Behaviors.supervise(behavior)
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2)),
        "market-delivery"));
  }

  private Behavior<Command> idle(StashBuffer<Command> stash) {
    return Behaviors.receive(Command.class)
        .onMessage(Check.class, c -> running(stash, null))
        .onMessage(RunNow.class, r -> running(stash, r.replyTo()))
        .onMessage(Finished.class, f -> Behaviors.same())
        .build();
  }

  private Behavior<Command> running(StashBuffer<Command> stash, ActorRef<Outcome> replyTo) {
    return Behaviors.setup(ctx -> {
      ctx.pipeToSelf(CompletableFuture.supplyAsync(delivery::run, blocking),
          (done, failure) -> new Finished(done == null ? List.of() : done, failure, replyTo));
      return Behaviors.receive(Command.class)
          .onMessage(Check.class, c -> Behaviors.same())
          .onMessage(RunNow.class, r -> {
            if (stash.isFull()) {
              r.replyTo().tell(new Outcome(List.of(), "too many delivery requests waiting; try again shortly"));
            } else {
              stash.stash(r);
            }
            return Behaviors.same();
          })
          .onMessage(Finished.class, f -> {
            String failure = f.failure() == null ? null : String.valueOf(rootCause(f.failure()).getMessage());
            if (failure != null) {
              log.warn("market delivery failed; what is left is delivered at the next check: {}", failure);
            } else if (!f.delivered().isEmpty()) {
              log.info("market delivery: {} files", f.delivered().size());
            }
            if (f.replyTo() != null) {
              f.replyTo().tell(new Outcome(f.delivered(), failure));
            }
            return stash.unstashAll(idle(stash));
          })
          .build();
    });
  }

  private static Throwable rootCause(Throwable t) {
    return t.getCause() != null && t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
  }
}
