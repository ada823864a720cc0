package org.adcs.headend.health;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.RecoveryFailed;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import akka.persistence.typed.javadsl.SignalHandler;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recovers an entity without events through the persistence plugins, as every meter entity recovers:
 * snapshot store, then journal. A reachable database is not enough for entities to recover: after an
 * outage the plugins' circuit breakers stay open for their reset timeout and fail every recovery and
 * write until a trial call succeeds. This probe is such a call, and fails while they are open.
 */
final class JournalRecoveryProbe extends EventSourcedBehavior<JournalRecoveryProbe.Stop, Object, Object> {

  enum Stop { INSTANCE }

  private static final AtomicLong PROBES = new AtomicLong();

  private final ActorRef<Stop> self;
  private final CompletableFuture<Void> recovered;

  private JournalRecoveryProbe(ActorRef<Stop> self, CompletableFuture<Void> recovered) {
    super(PersistenceId.ofUniqueId("adcs-readiness-probe-" + UUID.randomUUID()));
    this.self = self;
    this.recovered = recovered;
  }

  /** Completes when an entity recovered, exceptionally when its recovery failed. */
  static CompletionStage<Void> run(ActorSystem<?> system) {
    CompletableFuture<Void> recovered = new CompletableFuture<>();
    Behavior<Stop> probe = Behaviors.setup(context -> new JournalRecoveryProbe(context.getSelf(), recovered));
    system.systemActorOf(probe, "journal-recovery-probe-" + PROBES.incrementAndGet(), Props.empty());
    return recovered;
  }

  @Override
  public Object emptyState() {
    return Boolean.TRUE;
  }

  @Override
  public CommandHandler<Stop, Object, Object> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onAnyCommand(stop -> Effect().stop());
  }

  @Override
  public EventHandler<Object, Object> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((state, event) -> state);
  }

  @Override
  public SignalHandler<Object> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          recovered.complete(null);
          self.tell(Stop.INSTANCE);
        })
        .onSignal(RecoveryFailed.class, (state, failed) -> recovered.completeExceptionally(failed.getFailure()))
        .build();
  }
}
