package org.adcs.headend.scheduling;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.bridge.JournalSlices;
import org.adcs.headend.bridge.ProjectionOffsets;
import org.adcs.headend.meter.Meter;

/**
 * The journal to the scheduling read side: a second projection over the meter entities' tag slices,
 * with its own offsets, so the scheduler's tables never hold up the MDM bridge and vice versa. One
 * stream per slice in the cluster (a sharded daemon process); within a slice events are applied in
 * order, one at a time, which the read side's sequence-ordered writes rely on. The offset is saved
 * after the writes, so a restart replays at most a batch, which changes nothing.
 */
public final class SchedulingProjection {

  public static final String NAME = "scheduler-read-side";

  private SchedulingProjection() {}

  public static void init(ActorSystem<?> system, ScheduleEventFeed feed, ProjectionOffsets offsets) {
    JournalSlices.start(system, NAME, offsets, envelope -> apply(envelope, feed));
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
