package org.adcs.headend.scheduling;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import java.time.Clock;
import java.time.Duration;
import org.adcs.scheduler.CollectionScheduler;
import org.adcs.scheduler.SchedulerConfig;
import org.adcs.scheduler.massread.MassReadDesk;
import org.adcs.scheduler.massread.MassReadJob;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.OperatorAlerts;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.NonDefaultScheduleReadSide;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.adcs.scheduler.records.RunRecords;
import org.adcs.scheduler.recovery.MissingDataHistory;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.adcs.scheduler.workload.WorkloadManager;

/**
 * The scheduler's actors, one of each in the cluster (cluster singletons): the workload manager all
 * meter traffic goes through (R-OD-4), the event-sourced trouble desk (R-MIS-4, R-FLD-1; its journal is
 * the head-end's akka-persistence-jdbc journal), the collection scheduler's clockwork and the desk of
 * operators' mass reads (R-OD-3). Every node
 * holds a proxy, so the scheduler moves to another node when its node leaves.
 */
public record SchedulerSingletons(ActorRef<WorkloadManager.Command> workload, ActorRef<TroubleDesk.Command> troubleDesk,
    ActorRef<CollectionScheduler.Command> scheduler, ActorRef<MassReadDesk.Command> massReads) {

  /** Everything the scheduler reads and writes outside itself. */
  public record Parts(ReadGroupReadSide readGroups, CompletenessReadSide completeness, NonDefaultScheduleReadSide nonDefault,
      MissingDataHistory history, OperatorAlerts alerts, RunRecords records, MeterPort meters,
      org.adcs.scheduler.massread.MassReadLedger massReadLedger) {}

  /** @param clockCheck how often the clockwork's waiting jobs look at {@code clock} */
  public static SchedulerSingletons start(ActorSystem<?> system, SchedulerConfig config, Parts parts, Clock clock, Duration clockCheck) {
    ClusterSingleton singletons = ClusterSingleton.get(system);
    ActorRef<WorkloadManager.Command> workload = singletons.init(SingletonActor.of(
        restarting(WorkloadManager.create(config.workload(), parts.meters())), "scheduler-workload"));
    ActorRef<TroubleDesk.Command> desk = singletons.init(SingletonActor.of(TroubleDesk.create(TroubleDesk.PERSISTENCE_ID,
        config.settings().trouble(), config.raisePickupOnOpen(), clock), "scheduler-trouble-desk"));
    var deps = new CollectionScheduler.Dependencies(parts.readGroups(), parts.completeness(), parts.nonDefault(), parts.history(),
        parts.alerts(), workload, desk, parts.records(), clock);
    ActorRef<CollectionScheduler.Command> scheduler = singletons.init(SingletonActor.of(
        restarting(CollectionScheduler.create(config.settings(), config.grid(), config.outage(), deps, clockCheck)), "collection-scheduler"));
    ActorRef<MassReadDesk.Command> massReads = singletons.init(SingletonActor.of(restarting(MassReadDesk.create(config.massRead(),
        config.grid(), new MassReadJob.Sources(parts.readGroups(), parts.completeness()), workload, clock,
        parts.massReadLedger())), "scheduler-mass-reads"));
    return new SchedulerSingletons(workload, desk, scheduler, massReads);
  }

  /** A failure of the clockwork restarts it (after a pause) rather than stopping scheduling for good. */
  private static <T> akka.actor.typed.Behavior<T> restarting(akka.actor.typed.Behavior<T> behavior) {
    return Behaviors.supervise(behavior).onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2));
  }
}
