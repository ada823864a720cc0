package org.adcs.headend.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.Sequence;
import akka.serialization.Serialization;
import akka.serialization.SerializationExtension;
import akka.serialization.Serializer;
import akka.serialization.Serializers;
import akka.stream.KillSwitches;
import akka.stream.UniqueKillSwitch;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.Sink;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.metrics.HeadEndMetrics;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The projections' reader of the journal by tag gives exactly what the read journal's own
 * {@code eventsByTag} gives: the tag's events in journal order, others left out, across batches (a
 * batch size of 7 here) and across read windows holding none of them, from any offset, and then each
 * new event as it is written; and an event that commits after the stream has moved past its
 * ordering, once it commits. H2 always; PostgreSQL where .ci/run provides it.
 */
class TaggedEventsIT {

  private static final String TAG = "meter-3";

  @Test
  void h2() throws Exception {
    readsLikeEventsByTag(TestNodes.nodeEnvironment("tagged-h2"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+")
  void postgres() throws Exception {
    readsLikeEventsByTag(TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("tagged-pg")));
  }

  @Test
  void lateCommitsH2() throws Exception {
    deliversLateCommitsAndGivesUpRollbacks(TestNodes.nodeEnvironment("late-h2"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+")
  void lateCommitsPostgres() throws Exception {
    deliversLateCommitsAndGivesUpRollbacks(TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("late-pg")));
  }

  /** A local actor system over the node's journal (schema migrated), with the test's own settings on top. */
  private static ActorTestKit journalKit(String name, Map<String, String> env, Map<String, Object> settingsOnTop) {
    HeadEndSettings settings = TestNodes.settings(env);
    JournalSchema.migrate(settings.journal());
    Map<String, Object> local = new java.util.HashMap<>(settingsOnTop);
    local.put("akka.actor.provider", "local");
    local.put("akka.remote.artery.canonical.port", 0);
    Config config = ConfigFactory.parseMap(local)
        .withFallback(settings.journal().akkaPersistenceConfig())
        .withFallback(settings.config());
    return ActorTestKit.create(name, config);
  }

  private static void readsLikeEventsByTag(Map<String, String> env) throws Exception {
    ActorTestKit kit = journalKit("tagged-events", env, Map.of(
        "jdbc-read-journal.max-buffer-size", 7,
        "jdbc-read-journal.refresh-interval", "50ms"));
    try {
      TestProbe<JournalCounter.Total> probe = kit.createTestProbe();
      List<ActorRef<JournalCounter.Command>> counters = List.of(
          kit.spawn(JournalCounter.create("A", TAG)), kit.spawn(JournalCounter.create("B", "meter-4")),
          kit.spawn(JournalCounter.create("C", TAG)), kit.spawn(JournalCounter.create("D")));
      for (int i = 0; i < 120; i++) { // first 120 untagged: wider than one poll's window (16 batches of 7)
        counters.get(3).tell(new JournalCounter.Add(i, probe.ref()));
        probe.receiveMessage();
      }
      for (int i = 0; i < 40; i++) { // 20 of them tagged TAG, interleaved with others
        counters.get(i % 4).tell(new JournalCounter.Add(i, probe.ref()));
        probe.receiveMessage();
      }

      JdbcReadJournal library = PersistenceQuery.get(kit.system()).getReadJournalFor(JdbcReadJournal.class,
          JdbcReadJournal.Identifier());
      List<EventEnvelope> expected = library.currentEventsByTag(TAG, Offset.noOffset())
          .runWith(Sink.seq(), kit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertEquals(20, expected.size(), "the library's own query finds the tag's 20 events");

      TaggedEvents tagged = TaggedEvents.of(kit.system());
      BlockingQueue<EventEnvelope> live = new LinkedBlockingQueue<>();
      UniqueKillSwitch stream = tagged.eventsByTag(TAG, 0)
          .viaMat(KillSwitches.single(), Keep.right())
          .toMat(Sink.foreach(live::add), Keep.left())
          .run(kit.system());
      try {
        assertSame(expected, take(live, 20));

        long fifth = ((Sequence) expected.get(4).offset()).value();
        BlockingQueue<EventEnvelope> fromFifth = new LinkedBlockingQueue<>();
        UniqueKillSwitch resumed = tagged.eventsByTag(TAG, fifth)
            .viaMat(KillSwitches.single(), Keep.right())
            .toMat(Sink.foreach(fromFifth::add), Keep.left())
            .run(kit.system());

        for (int i = 40; i < 48; i++) { // written while both streams run: 4 more of TAG
          counters.get(i % 4).tell(new JournalCounter.Add(i, probe.ref()));
          probe.receiveMessage();
        }
        List<EventEnvelope> all = library.currentEventsByTag(TAG, Offset.noOffset())
            .runWith(Sink.seq(), kit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(24, all.size());
        assertSame(all.subList(20, 24), take(live, 4));
        assertSame(all.subList(5, 24), take(fromFifth, 19));
        resumed.shutdown();
        assertTrue(live.poll(500, TimeUnit.MILLISECONDS) == null, "nothing beyond the tag's events");
      } finally {
        stream.shutdown();
      }
    } finally {
      kit.shutdownTestKit();
    }
  }

  /**
   * Two journal inserts take their orderings and stay uncommitted while later events are written; the
   * sequence actor gives up on them (10 x 50 ms here) and the stream moves past. One then commits: the
   * stream delivers it, once, after the later events. The other rolls back: it is given up after
   * adcs.journal.late-commits.give-up-after (6 s here), and nothing waits for it meanwhile.
   */
  private static void deliversLateCommitsAndGivesUpRollbacks(Map<String, String> env) throws Exception {
    HeadEndSettings settings = TestNodes.settings(env);
    ActorTestKit kit = journalKit("late-commits", env, Map.of(
        "jdbc-read-journal.refresh-interval", "50ms",
        "jdbc-read-journal.journal-sequence-retrieval.query-delay", "50ms",
        "jdbc-read-journal.journal-sequence-retrieval.max-tries", 10,
        "adcs.journal.late-commits.give-up-after", "6s"));
    try {
      TestProbe<JournalCounter.Total> probe = kit.createTestProbe();
      ActorRef<JournalCounter.Command> counter = kit.spawn(JournalCounter.create("on-time", TAG));
      BlockingQueue<EventEnvelope> live = new LinkedBlockingQueue<>();
      UniqueKillSwitch stream = TaggedEvents.of(kit.system()).eventsByTag(TAG, 0)
          .viaMat(KillSwitches.single(), Keep.right())
          .toMat(Sink.foreach(live::add), Keep.left())
          .run(kit.system());
      try {
        add(counter, 1, probe);
        assertEquals(List.of(1L), amounts(take(live, 1)), "the stream runs");

        double recoveredBefore = HeadEndMetrics.LATE_EVENTS.get();
        double givenUpBefore = HeadEndMetrics.GAPS_GIVEN_UP.get();
        try (HeldInsert late = HeldInsert.of(kit, settings.journal(), "late", 100);
            HeldInsert rolledBack = HeldInsert.of(kit, settings.journal(), "rolled-back", 200)) {
          add(counter, 2, probe);
          add(counter, 3, probe);
          List<EventEnvelope> past = take(live, 2);
          assertEquals(List.of(2L, 3L), amounts(past), "the stream moved past the uncommitted inserts");
          assertTrue(late.ordering < ordering(past.get(0)) && rolledBack.ordering < ordering(past.get(0)),
              "the held inserts took lower orderings: " + late.ordering + ", " + rolledBack.ordering + " < "
                  + ordering(past.get(0)));

          late.commit();
          rolledBack.rollBack();
          EventEnvelope recovered = live.poll(30, TimeUnit.SECONDS);
          assertTrue(recovered != null, "the late event is delivered once it commits");
          assertEquals(List.of(late.persistenceId + "#1 @" + late.ordering + " amount 100"), describeLate(recovered));
          assertEquals(1.0, HeadEndMetrics.LATE_EVENTS.get() - recoveredBefore, "counted as recovered");
        }

        add(counter, 4, probe);
        assertEquals(List.of(4L), amounts(take(live, 1)), "the late event came exactly once; new events flow");
        Await.until(() -> "the rolled-back insert's ordering given up; given up so far: "
                + (HeadEndMetrics.GAPS_GIVEN_UP.get() - givenUpBefore), Duration.ofSeconds(60),
            () -> HeadEndMetrics.GAPS_GIVEN_UP.get() - givenUpBefore >= 1);
        assertEquals(1.0, HeadEndMetrics.GAPS_GIVEN_UP.get() - givenUpBefore, "only the rolled-back ordering");
        add(counter, 5, probe);
        assertEquals(List.of(5L), amounts(take(live, 1)));
        assertTrue(live.poll(500, TimeUnit.MILLISECONDS) == null, "nothing more: the rolled-back insert never comes");
      } finally {
        stream.shutdown();
      }
    } finally {
      kit.shutdownTestKit();
    }
  }

  /**
   * A tagged event inserted the way the journal plugin inserts it (journal row, then its tag row, in
   * one transaction), held uncommitted: its ordering is taken when the row is inserted.
   */
  private static final class HeldInsert implements AutoCloseable {

    final String persistenceId;
    final long ordering;
    private final Connection connection;

    private HeldInsert(String persistenceId, long ordering, Connection connection) {
      this.persistenceId = persistenceId;
      this.ordering = ordering;
      this.connection = connection;
    }

    static HeldInsert of(ActorTestKit kit, JournalSettings journal, String id, long amount) throws Exception {
      JournalCounter.Added event = new JournalCounter.Added(amount);
      Serialization serialization = SerializationExtension.get(kit.system());
      Serializer serializer = serialization.findSerializerFor(event);
      String persistenceId = "JournalCounter|" + id;
      Connection c = JournalSchema.connect(journal);
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO \"event_journal\" (\"persistence_id\","
          + " \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\","
          + " \"event_ser_id\", \"event_ser_manifest\") VALUES (?, 1, 'held', ?, '', ?, ?, ?)");
          PreparedStatement taken = c.prepareStatement("SELECT \"ordering\" FROM \"event_journal\""
              + " WHERE \"persistence_id\" = ? AND \"sequence_number\" = 1");
          PreparedStatement tag = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)")) {
        insert.setString(1, persistenceId);
        insert.setLong(2, System.currentTimeMillis());
        insert.setBytes(3, serialization.serialize(event).get());
        insert.setInt(4, serializer.identifier());
        insert.setString(5, Serializers.manifestFor(serializer, event));
        insert.executeUpdate();
        taken.setString(1, persistenceId);
        long ordering;
        try (ResultSet rs = taken.executeQuery()) {
          assertTrue(rs.next(), "the held row is visible to its own transaction");
          ordering = rs.getLong(1);
        }
        tag.setLong(1, ordering);
        tag.setString(2, TAG);
        tag.executeUpdate();
        return new HeldInsert(persistenceId, ordering, c);
      } catch (Exception e) {
        c.close();
        throw e;
      }
    }

    void commit() throws Exception {
      connection.commit();
    }

    void rollBack() throws Exception {
      connection.rollback();
    }

    @Override
    public void close() throws Exception {
      connection.close();
    }
  }

  private static void add(ActorRef<JournalCounter.Command> counter, long amount, TestProbe<JournalCounter.Total> probe) {
    counter.tell(new JournalCounter.Add(amount, probe.ref()));
    probe.receiveMessage();
  }

  private static long ordering(EventEnvelope envelope) {
    return ((Sequence) envelope.offset()).value();
  }

  private static List<Long> amounts(List<EventEnvelope> envelopes) {
    return envelopes.stream().map(e -> ((JournalCounter.Added) e.event()).amount()).toList();
  }

  private static List<String> describeLate(EventEnvelope e) {
    return List.of(e.persistenceId() + "#" + e.sequenceNr() + " @" + ordering(e) + " amount "
        + ((JournalCounter.Added) e.event()).amount());
  }

  private static List<EventEnvelope> take(BlockingQueue<EventEnvelope> queue, int n) throws InterruptedException {
    List<EventEnvelope> taken = new ArrayList<>();
    while (taken.size() < n) {
      EventEnvelope next = queue.poll(30, TimeUnit.SECONDS);
      if (next == null) {
        break;
      }
      taken.add(next);
    }
    return taken;
  }

  /** Same offsets, persistence ids, sequence numbers, events and write times, in the same order. */
  private static void assertSame(List<EventEnvelope> expected, List<EventEnvelope> actual) {
    assertEquals(describe(expected), describe(actual));
  }

  private static List<String> describe(List<EventEnvelope> envelopes) {
    return envelopes.stream().map(e -> e.offset() + " " + e.persistenceId() + "#" + e.sequenceNr() + " " + e.event()
        + " @" + e.timestamp()).toList();
  }
}
