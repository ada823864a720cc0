package org.adcs.headend.bridge;

import akka.Done;
import akka.actor.typed.ActorSystem;
import akka.persistence.query.EventEnvelope;
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
    JournalSlices.start(system, NAME, offsets, envelope -> post(envelope, posting, level));
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
