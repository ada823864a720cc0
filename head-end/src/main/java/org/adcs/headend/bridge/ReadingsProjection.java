package org.adcs.headend.bridge;

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
import org.adcs.headend.meter.Meter;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.vee.VeeLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal to the MDM store: one stream per tag slice of the meter entities' events, spread over
 * the cluster's nodes (a sharded daemon process, so each slice runs exactly once). Each collected
 * delivery goes through VEE into Cassandra and each event to routing; the offset is stored after
 * the store has the data, so a restart resumes without a gap (at least once; the store's writes are
 * idempotent, so a replay changes nothing). Within a slice, events go one at a time: a meter's data
 * is posted in the order it was collected.
 */
public final class ReadingsProjection {

  public static final String NAME = "mdm-bridge";
  private static final Logger log = LoggerFactory.getLogger(ReadingsProjection.class);

  private ReadingsProjection() {}

  public static void init(ActorSystem<?> system, ReadingPosting posting, ProjectionOffsets offsets, VeeLevel level) {
    JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class,
        JdbcReadJournal.Identifier());
    ShardedDaemonProcess.get(system).init(Void.class, NAME, Meter.TAG_SLICES,
        slice -> slice("meter-" + slice, system, journal, posting, offsets, level));
  }

  private static Behavior<Void> slice(String tag, ActorSystem<?> system, JdbcReadJournal journal, ReadingPosting posting,
      ProjectionOffsets offsets, VeeLevel level) {
    return Behaviors.setup(context -> {
      UniqueKillSwitch running = RestartSource.withBackoff(
              RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2),
              () -> Source.completionStageSource(offsets.load(NAME, tag).thenApply(offset -> {
                    log.info("projection {} slice {} resuming after offset {}", NAME, tag, offset);
                    return journal.eventsByTag(tag, Offset.sequence(offset));
                  }))
                  .mapAsync(1, envelope -> post(envelope, posting, level).thenApply(done -> envelope.offset()))
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

  private static CompletionStage<Done> post(EventEnvelope envelope, ReadingPosting posting, VeeLevel level) {
    if (!(envelope.event() instanceof Meter.Event event)) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    String meterId = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
    CollectedReadings readings;
    try {
      readings = EntityEventReadings.of(meterId, envelope.sequenceNr(), Instant.ofEpochMilli(envelope.timestamp()), event);
    } catch (IllegalArgumentException invalid) {
      // Data the store cannot take as it is (e.g. an inexact multiplier): keep the stream going, say so.
      log.error("projection {}: {} event {} of meter {} cannot be posted ({}); it stays in the journal",
          NAME, event.getClass().getSimpleName(), envelope.sequenceNr(), meterId, invalid.getMessage());
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    if (readings == null) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }
    return posting.post(readings, level).thenApply(posted -> Done.getInstance());
  }
}
