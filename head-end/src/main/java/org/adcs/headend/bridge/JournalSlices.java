package org.adcs.headend.bridge;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Sequence;
import akka.stream.KillSwitches;
import akka.stream.RestartSettings;
import akka.stream.UniqueKillSwitch;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.RestartSource;
import akka.stream.javadsl.Sink;
import akka.stream.javadsl.Source;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.adcs.headend.journal.TaggedEvents;
import org.adcs.headend.meter.Meter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A projection over the meter entities' journal: one stream per tag slice, spread over the cluster's
 * nodes (a sharded daemon process, so each slice runs exactly once). Within a slice, events are
 * handled one at a time, in journal order, except an event that committed late, which comes when it
 * is found, after events of higher orderings ({@link TaggedEvents}). The highest offset handled is
 * stored after the handler is done, in batches, so a restart resumes without a gap (at least once:
 * handlers must be idempotent, and tolerate an event arriving after later ones). A failed stream
 * restarts with back-off from the stored offset.
 */
public final class JournalSlices {

  private static final Logger log = LoggerFactory.getLogger(JournalSlices.class);

  private JournalSlices() {}

  /** Runs {@code handler} over every meter event, under {@code name}'s own offsets. */
  public static void start(ActorSystem<?> system, String name, ProjectionOffsets offsets,
      Function<EventEnvelope, CompletionStage<Done>> handler) {
    TaggedEvents journal = TaggedEvents.of(system);
    ShardedDaemonProcess.get(system).init(Void.class, name, Meter.TAG_SLICES,
        slice -> slice(name, "meter-" + slice, system, journal, offsets, handler));
  }

  private static Behavior<Void> slice(String name, String tag, ActorSystem<?> system, TaggedEvents journal,
      ProjectionOffsets offsets, Function<EventEnvelope, CompletionStage<Done>> handler) {
    return Behaviors.setup(context -> {
      UniqueKillSwitch running = RestartSource.withBackoff(
              RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2),
              () -> Source.completionStageSource(offsets.load(name, tag).thenApply(offset -> {
                    log.info("projection {} slice {} resuming after offset {}", name, tag, offset);
                    return journal.eventsByTag(tag, offset)
                        .mapAsync(1, envelope -> handler.apply(envelope)
                            .thenApply(done -> ((Sequence) envelope.offset()).value()))
                        // A late event comes after higher orderings: the stored offset never goes back.
                        .scan(offset, Math::max)
                        .drop(1);
                  }))
                  .groupedWithin(200, Duration.ofSeconds(1))
                  .mapAsync(1, batch -> offsets.save(name, tag, batch.get(batch.size() - 1))))
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
}
