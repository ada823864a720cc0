package org.adcs.headend.scheduling;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.Sequence;
import akka.stream.KillSwitches;
import akka.stream.RestartSettings;
import akka.stream.UniqueKillSwitch;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.RestartSource;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.bridge.ProjectionOffsets;
import org.adcs.headend.meter.Meter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal to the scheduling read side: a second projection over the meter entities' tag slices,
 * with its own offsets, so the scheduler's tables never hold up the MDM bridge and vice versa. One
 * stream per slice in the cluster (a sharded daemon process); within a slice events are applied in
 * order, one at a time, which the read side's sequence-ordered writes rely on. The offset is saved
 * after the writes, so a restart replays at most a batch, which changes nothing.
 */
public final class SchedulingProjection {

  public static final String NAME = "scheduler-read-side";
  private static final Logger log = LoggerFactory.getLogger(SchedulingProjection.class);

  private SchedulingProjection() {}

  public static void init(ActorSystem<?> system, ScheduleEventFeed feed, ProjectionOffsets offsets) {
    JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    ShardedDaemonProcess.get(system).init(Void.class, NAME, Meter.TAG_SLICES,
        slice -> slice("meter-" + slice, system, journal, feed, offsets));
  }

  private static Behavior<Void> slice(String tag, ActorSystem<?> system, JdbcReadJournal journal, ScheduleEventFeed feed,
      ProjectionOffsets offsets) {
    return Behaviors.setup(context -> {
      UniqueKillSwitch running = RestartSource.withBackoff(
              RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2),
              () -> Source.completionStageSource(offsets.load(NAME, tag).thenApply(offset -> {
                    log.info("projection {} slice {} resuming after offset {}", NAME, tag, offset);
                    return journal.eventsByTag(tag, Offset.sequence(offset));
                  }))
                  .mapAsync(1, envelope -> apply(envelope, feed).thenApply(done -> envelope.offset()))
                  .groupedWithin(200, Duration.ofSeconds(1))
                  .mapAsync(1, batch -> offsets.save(NAME, tag, ((Sequence) batch.get(batch.size() - 1)).value())))
          .viaMat(KillSwitches.single(), Keep.right())
          .toMat(Sink.ignore(), Keep.left())
          .run(system);
      return Behaviors.<Void>receive(Void.class)
          .onSignal(PostStop.class, stop -> {
            running.shutdown();
            return Behaviors.same();
          })
          .build();
    });
  }

  private static CompletionStage<Done> apply(EventEnvelope envelope, ScheduleEventFeed feed) {
    if (!(envelope.event() instanceof Meter.Event event)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String meterId = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
    return feed.apply(meterId, envelope.sequenceNr(), Instant.ofEpochMilli(envelope.timestamp()), event)
        .thenApply(done -> Done.getInstance());
  }
}
