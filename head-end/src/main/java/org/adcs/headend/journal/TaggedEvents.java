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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.adcs.headend.metrics.HeadEndMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's events of one tag after an offset, as a live stream: what the read journal's
 * {@code eventsByTag} gives (the same gap-free bound from its journal sequence actor, the same
 * refresh interval and batch size), read with a query that every journal database answers from the
 * journal's ordering index, plus the events that committed late.
 *
 * <p>Why not {@code eventsByTag} itself: its join of the tag table with a sub-select of the journal
 * makes H2 scan the tag's every row on every poll. With 8 slices of two projections polling ten
 * times a second, those scans took a third of the head-end's CPU during the ingest benchmark
 * (docs/benchmarks.md), growing with the journal. Here the journal's rows in the offset window are
 * walked in order and each is checked for the tag by the tag table's primary key.
 *
 * <p>Late commits: the sequence actor waits for an ordering gap only so long (query-delay x max-tries)
 * before it moves past it, and an insert that took its ordering but commits after that (a slow
 * transaction, a long pause of the writing node) would be behind the offset for good. So each window
 * the stream moves past is checked for missing orderings (one COUNT of its rows; only when that falls
 * short are the orderings listed), those near the tip are remembered ({@link OrderingGaps}), and each
 * later poll looks them up again: an event that has appeared is delivered then, <em>out of journal
 * order</em>, and an ordering still missing after {@code adcs.journal.late-commits.give-up-after} is
 * given up (a rolled-back insert). Consumers keep the highest offset they have seen, and must handle
 * an event more than once without harm (they are at least once anyway). Gaps are remembered per
 * running stream: a stream restarted from a stored offset no longer awaits those below it.
 */
public final class TaggedEvents {

  private static final Logger log = LoggerFactory.getLogger(TaggedEvents.class);

  private static final String COLUMNS = "j.\"ordering\", j.\"persistence_id\", j.\"sequence_number\","
      + " j.\"write_timestamp\", j.\"event_payload\", j.\"event_ser_id\", j.\"event_ser_manifest\"";

  private static final String QUERY = "SELECT " + COLUMNS + """
       FROM "event_journal" j
      WHERE j."ordering" > ? AND j."ordering" <= ? AND j."deleted" = FALSE
        AND EXISTS (SELECT 1 FROM "event_tag" t WHERE t."event_id" = j."ordering" AND t."tag" = ?)
      ORDER BY j."ordering"
      LIMIT ?""";

  /** Rows in a window, against its width: a shortfall means orderings without a row (yet). */
  private static final String COUNT = """
      SELECT COUNT(*) FROM "event_journal" WHERE "ordering" > ? AND "ordering" <= ?""";

  /** A short window's rows from the top down, to find its holes and date them. */
  private static final String ROWS_DOWN = """
      SELECT "ordering", "write_timestamp" FROM "event_journal" WHERE "ordering" > ? AND "ordering" <= ?
      ORDER BY "ordering" DESC""";

  /** The awaited orderings that have a row now; the last column says whether it is an event of the tag. */
  private static final String LATE = "SELECT " + COLUMNS + """
      , j."deleted" = FALSE
        AND EXISTS (SELECT 1 FROM "event_tag" t WHERE t."event_id" = j."ordering" AND t."tag" = ?)
      FROM "event_journal" j
      WHERE j."ordering" = ANY (?)""";

  /**
   * The widest window one poll reads and counts, in batches: with the meters' 8 tag slices about two
   * batches of each tag, so catching up takes as many polls as before, each one bounded.
   */
  private static final int WINDOW_BATCHES = 16;

  private final akka.actor.ActorRef sequenceActor;
  private final JournalPool.Connections database;
  private final Serialization serialization;
  private final Executor blocking;
  private final akka.actor.Scheduler scheduler;
  private final scala.concurrent.ExecutionContext dispatcher;
  private final Duration refreshInterval;
  private final int batchSize;
  private final Duration askTimeout;
  private final OrderingGaps.Settings lateCommits;
  private final Clock clock;

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
    this.lateCommits = OrderingGaps.Settings.from(system.settings().config());
    this.clock = Clock.systemUTC();
  }

  public static TaggedEvents of(ActorSystem<?> system) {
    return new TaggedEvents(system);
  }

  /**
   * Every event tagged {@code tag} with an ordering above {@code afterOrdering}, then each new one; an
   * event that committed late comes when it is found, after events of higher orderings.
   */
  public Source<EventEnvelope, NotUsed> eventsByTag(String tag, long afterOrdering) {
    return Source.lazySource(() -> {
          OrderingGaps gaps = new OrderingGaps(lateCommits); // each run of the stream awaits its own
          return Source.unfoldAsync(afterOrdering, offset -> nextBatch(tag, offset, gaps).thenApply(Optional::of));
        })
        .<EventEnvelope>mapConcat(batch -> batch)
        .mapMaterializedValue(unused -> NotUsed.notUsed());
  }

  /** The next batch after {@code offset} and the offset after it; an empty batch after a refresh interval. */
  private CompletionStage<Pair<Long, List<EventEnvelope>>> nextBatch(String tag, long offset, OrderingGaps gaps) {
    return Patterns.ask(sequenceActor, JournalSequenceActor.GetMaxOrderingId$.MODULE$, askTimeout)
        .thenCompose(reply -> {
          long max = ((JournalSequenceActor.MaxOrderingId) reply).maxOrdering();
          if (max <= offset && gaps.isEmpty()) { // idle: no query at all
            return Patterns.after(refreshInterval, scheduler, dispatcher,
                () -> CompletableFuture.completedFuture(Pair.create(offset, List.<EventEnvelope>of())));
          }
          // Right on again while catching up; after a refresh interval once at the tip with nothing new.
          return CompletableFuture.supplyAsync(() -> poll(tag, offset, max, gaps), blocking).thenCompose(result ->
              result.second().isEmpty() && result.first() >= max
                  ? Patterns.after(refreshInterval, scheduler, dispatcher, () -> CompletableFuture.completedFuture(result))
                  : CompletableFuture.completedFuture(result));
        });
  }

  /** One poll: awaited orderings that have appeared, then the window after {@code offset}, up to max. */
  private Pair<Long, List<EventEnvelope>> poll(String tag, long offset, long max, OrderingGaps gaps) {
    Instant now = clock.instant();
    long started = System.nanoTime();
    try (Connection c = database.open()) {
      List<EventEnvelope> events = new ArrayList<>();
      if (!gaps.isEmpty()) {
        events.addAll(recover(c, tag, gaps, now));
      }
      long next = offset;
      if (max > offset) {
        // A window no wider than this, so its COUNT stays cheap while catching up on a long journal.
        long upTo = Math.min(max, offset + (long) WINDOW_BATCHES * batchSize);
        // Holes first, then the rows: an insert committing in between is then read now or found later,
        // never counted as present and still missed by the read.
        List<Long> holes = holes(c, tag, offset, upTo, gaps, now);
        List<EventEnvelope> batch = read(c, tag, offset, upTo);
        // A short batch holds every row of the tag up to upTo: continue after it. A full one may not.
        next = batch.size() < batchSize ? upTo : ordering(batch.get(batch.size() - 1));
        await(tag, holes, next, batch, gaps, now);
        events.addAll(batch);
      }
      return Pair.create(next, events);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the journal's events of " + tag + " after ordering " + offset + ": "
          + e.getMessage(), e);
    } finally {
      HeadEndMetrics.JOURNAL_QUERY.observe((System.nanoTime() - started) / 1e9);
    }
  }

  private static long ordering(EventEnvelope envelope) {
    return ((akka.persistence.query.Sequence) envelope.offset()).value();
  }

  private List<EventEnvelope> read(Connection c, String tag, long after, long upTo) throws SQLException {
    List<EventEnvelope> batch = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(QUERY)) {
      s.setLong(1, after);
      s.setLong(2, upTo);
      s.setString(3, tag);
      s.setInt(4, batchSize);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          batch.add(envelope(rs));
        }
      }
    }
    return batch;
  }

  private EventEnvelope envelope(ResultSet rs) throws SQLException {
    long ordering = rs.getLong(1);
    Object event = serialization.deserialize(rs.getBytes(5), rs.getInt(6), rs.getString(7)).get();
    return new EventEnvelope(Offset.sequence(ordering), rs.getString(2), rs.getLong(3), event, rs.getLong(4));
  }

  /**
   * The orderings of (after, upTo] that have no row, when the window's rows fall short of its width:
   * only those below rows written within the give-up age, so resuming on an old journal whose
   * delivered events were deleted does not await their orderings.
   */
  private List<Long> holes(Connection c, String tag, long after, long upTo, OrderingGaps gaps, Instant now)
      throws SQLException {
    long rows;
    try (PreparedStatement s = c.prepareStatement(COUNT)) {
      s.setLong(1, after);
      s.setLong(2, upTo);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        rows = rs.getLong(1);
      }
    }
    if (rows == upTo - after) {
      return List.of();
    }
    if (gaps.room() == 0) {
      if (gaps.reportFull()) {
        log.warn("journal reader of {}: already awaiting {} missing orderings (adcs.journal.late-commits.max-gaps);"
            + " orderings missing after {} are not awaited, and an event committed there late is not delivered",
            tag, gaps.size(), after);
      }
      return List.of();
    }
    OrderingGaps.HoleWalk walk = new OrderingGaps.HoleWalk(after,
        now.minus(lateCommits.giveUpAfter()).toEpochMilli(), gaps.room());
    try (PreparedStatement s = c.prepareStatement(ROWS_DOWN)) {
      s.setLong(1, after);
      s.setLong(2, upTo);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next() && walk.row(rs.getLong(1), rs.getLong(2))) {
          // the walk stops at the first row too old to be above a late insert
        }
      }
    }
    return walk.holes();
  }

  /**
   * Awaits the holes the stream moves past (up to {@code next}) that the batch read after counting did
   * not deliver; those above {@code next} are in the next poll's window, and awaiting them too would
   * deliver an event committed there twice.
   */
  private static void await(String tag, List<Long> holes, long next, List<EventEnvelope> batch, OrderingGaps gaps,
      Instant now) {
    if (holes.isEmpty()) {
      return;
    }
    Set<Long> read = batch.stream().map(TaggedEvents::ordering).collect(Collectors.toSet());
    List<Long> missed = holes.stream().filter(o -> o <= next && !read.contains(o)).toList();
    if (!missed.isEmpty()) {
      gaps.add(missed, now);
      log.debug("journal reader of {}: awaiting orderings {} missing below {}", tag, OrderingGaps.brief(missed), next);
    }
  }

  /** Looks the awaited orderings up: delivers those that are now events of the tag; gives up the expired. */
  private List<EventEnvelope> recover(Connection c, String tag, OrderingGaps gaps, Instant now) throws SQLException {
    List<EventEnvelope> late = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(LATE)) {
      s.setString(1, tag);
      Object[] orderings = Arrays.stream(gaps.orderings()).boxed().toArray();
      s.setArray(2, c.createArrayOf("BIGINT", orderings));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long ordering = rs.getLong(1);
          Instant missedSince = gaps.found(ordering).orElse(now);
          if (rs.getBoolean(8)) { // else an event of another tag, or deleted: nothing to deliver here
            EventEnvelope envelope = envelope(rs);
            late.add(envelope);
            HeadEndMetrics.LATE_EVENTS.inc();
            log.info("journal reader of {}: late event recovered: {} #{} at ordering {}, written {} ms ago, found"
                + " {} ms after the reader moved past its ordering", tag, envelope.persistenceId(),
                envelope.sequenceNr(), ordering, now.toEpochMilli() - envelope.timestamp(),
                Duration.between(missedSince, now).toMillis());
          }
        }
      }
    }
    List<OrderingGaps.Gap> expired = gaps.giveUp(now);
    if (!expired.isEmpty()) {
      HeadEndMetrics.GAPS_GIVEN_UP.inc(expired.size());
      log.warn("journal reader of {}: orderings {} given up as never committed (rolled back or deleted): missing"
          + " for {} s (adcs.journal.late-commits.give-up-after = {})", tag,
          OrderingGaps.brief(expired.stream().map(OrderingGaps.Gap::ordering).toList()),
          Duration.between(expired.stream().map(OrderingGaps.Gap::firstSeen).min(Instant::compareTo).orElseThrow(), now)
              .toSeconds(), lateCommits.giveUpAfter());
    }
    return late;
  }
}
