package org.adcs.headend.journal;

import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Adapter;
import akka.japi.Pair;
import akka.pattern.Patterns;
import akka.persistence.jdbc.query.JournalSequenceActor;
import akka.persistence.jdbc.query.scaladsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.stream.javadsl.Source;
import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The journal's events of one tag after an offset, as a live stream: what the read journal's
 * {@code eventsByTag} gives (the same gap-free bound from its journal sequence actor, the same
 * refresh interval and batch size), read with a query that every journal database answers from the
 * journal's ordering index.
 *
 * <p>Why not {@code eventsByTag} itself: its join of the tag table with a sub-select of the journal
 * makes H2 scan the tag's every row on every poll. With 8 slices of two projections polling ten
 * times a second, those scans took a third of the head-end's CPU during the ingest benchmark
 * (docs/benchmarks.md), growing with the journal. Here the journal's rows in the offset window are
 * walked in order and each is checked for the tag by the tag table's primary key.
 */
public final class TaggedEvents {

  private static final String QUERY = """
      SELECT j."ordering", j."persistence_id", j."sequence_number", j."write_timestamp", j."event_payload",
             j."event_ser_id", j."event_ser_manifest"
      FROM "event_journal" j
      WHERE j."ordering" > ? AND j."ordering" <= ? AND j."deleted" = FALSE
        AND EXISTS (SELECT 1 FROM "event_tag" t WHERE t."event_id" = j."ordering" AND t."tag" = ?)
      ORDER BY j."ordering"
      LIMIT ?""";

  private final akka.actor.ActorRef sequenceActor;
  private final JournalPool.Connections database;
  private final Serialization serialization;
  private final Executor blocking;
  private final akka.actor.Scheduler scheduler;
  private final scala.concurrent.ExecutionContext dispatcher;
  private final Duration refreshInterval;
  private final int batchSize;
  private final Duration askTimeout;

  private TaggedEvents(ActorSystem<?> system) {
    JdbcReadJournal readJournal = PersistenceQuery.get(Adapter.toClassic(system))
        .<JdbcReadJournal>readJournalFor(JdbcReadJournal.Identifier());
    Config config = system.settings().config().getConfig("jdbc-read-journal");
    this.sequenceActor = readJournal.journalSequenceActor();
    this.database = JournalPool.of(system);
    this.serialization = SerializationExtension.get(Adapter.toClassic(system));
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    this.scheduler = Adapter.toClassic(system).scheduler();
    this.dispatcher = system.executionContext();
    this.refreshInterval = config.getDuration("refresh-interval");
    this.batchSize = config.getInt("max-buffer-size");
    this.askTimeout = config.getDuration("journal-sequence-retrieval.ask-timeout");
  }

  public static TaggedEvents of(ActorSystem<?> system) {
    return new TaggedEvents(system);
  }

  /** Every event tagged {@code tag} with an ordering above {@code afterOrdering}, then each new one. */
  public Source<EventEnvelope, NotUsed> eventsByTag(String tag, long afterOrdering) {
    return Source.unfoldAsync(afterOrdering, offset -> nextBatch(tag, offset).thenApply(Optional::of))
        .mapConcat(batch -> batch);
  }

  /** The next batch after {@code offset} and the offset after it; an empty batch after a refresh interval. */
  private CompletionStage<Pair<Long, List<EventEnvelope>>> nextBatch(String tag, long offset) {
    return Patterns.ask(sequenceActor, JournalSequenceActor.GetMaxOrderingId$.MODULE$, askTimeout)
        .thenCompose(reply -> {
          long max = ((JournalSequenceActor.MaxOrderingId) reply).maxOrdering();
          if (max <= offset) {
            return Patterns.after(refreshInterval, scheduler, dispatcher,
                () -> CompletableFuture.completedFuture(Pair.create(offset, List.<EventEnvelope>of())));
          }
          return CompletableFuture.supplyAsync(() -> read(tag, offset, max), blocking).thenCompose(batch -> {
            // A short batch holds every row of the tag up to max: continue after max. A full one may not.
            long next = batch.size() < batchSize ? max : ordering(batch.get(batch.size() - 1));
            Pair<Long, List<EventEnvelope>> result = Pair.create(next, batch);
            return batch.isEmpty()
                ? Patterns.after(refreshInterval, scheduler, dispatcher, () -> CompletableFuture.completedFuture(result))
                : CompletableFuture.completedFuture(result);
          });
        });
  }

  private static long ordering(EventEnvelope envelope) {
    return ((akka.persistence.query.Sequence) envelope.offset()).value();
  }

  private List<EventEnvelope> read(String tag, long after, long upTo) {
    List<EventEnvelope> batch = new ArrayList<>();
    long started = System.nanoTime();
    try (Connection c = database.open(); PreparedStatement s = c.prepareStatement(QUERY)) {
      s.setLong(1, after);
      s.setLong(2, upTo);
      s.setString(3, tag);
      s.setInt(4, batchSize);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long ordering = rs.getLong(1);
          String persistenceId = rs.getString(2);
          long sequenceNr = rs.getLong(3);
          Object event = serialization.deserialize(rs.getBytes(5), rs.getInt(6), rs.getString(7)).get();
          batch.add(new EventEnvelope(Offset.sequence(ordering), persistenceId, sequenceNr, event, rs.getLong(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal's events of " + tag + " after ordering " + after + ": "
          + e.getMessage(), e);
    }
    org.adcs.headend.metrics.HeadEndMetrics.JOURNAL_QUERY.observe((System.nanoTime() - started) / 1e9);
    return batch;
  }
}
