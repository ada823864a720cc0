package org.adcs.headend.api.billing;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.adcs.mdm.billing.BillingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes billing quantities by the billing-cycle schedule (R-MD-4): one node of the cluster (a
 * singleton) looks for cycles due today every {@code every}, one pass at a time; a cycle notes its run,
 * so a day's run happens once however often it looks.
 */
final class BillingSchedule {

  private static final Logger log = LoggerFactory.getLogger(BillingSchedule.class);

  private BillingSchedule() {}

  sealed interface Command {}

  private record Check() implements Command {}

  private record Finished(int runs, Throwable failure) implements Command {}

  static void start(ActorSystem<?> system, BillingService billing, Executor blocking, Duration every) {
    Behavior<Command> behavior = Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Check(), Duration.ofSeconds(5), every);
      return idle(billing, blocking);
    });
    ClusterSingleton.get(system).init(SingletonActor.of(Behaviors.supervise(behavior)
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2)),
        "billing-cycles"));
  }

  private static Behavior<Command> idle(BillingService billing, Executor blocking) {
    return Behaviors.receive(Command.class)
        .onMessage(Check.class, c -> Behaviors.setup(ctx -> {
          ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> billing.runDue().size(), blocking),
              (runs, failure) -> new Finished(runs == null ? 0 : runs, failure));
          return busy(billing, blocking);
        }))
        .onMessage(Finished.class, f -> Behaviors.same())
        .build();
  }

  /** A check that comes during a pass is dropped: the next one comes soon enough. */
  private static Behavior<Command> busy(BillingService billing, Executor blocking) {
    return Behaviors.receive(Command.class)
        .onMessage(Check.class, c -> Behaviors.same())
        .onMessage(Finished.class, f -> {
          if (f.failure() != null) {
            log.warn("billing cycles: the pass failed and is tried again at the next check: {}", f.failure().toString());
          } else if (f.runs() > 0) {
            log.info("billing cycles: {} ran", f.runs());
          }
          return idle(billing, blocking);
        })
        .build();
  }
}
