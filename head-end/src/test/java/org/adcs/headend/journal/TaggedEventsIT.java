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
import akka.stream.KillSwitches;
import akka.stream.UniqueKillSwitch;
import akka.stream.javadsl.Keep;
import akka.stream.javadsl.Sink;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The projections' reader of the journal by tag gives exactly what the read journal's own
 * {@code eventsByTag} gives: the tag's events in journal order, others left out, across batches
 * (a batch size of 7 here), from any offset, and then each new event as it is written. H2 always;
 * PostgreSQL where .ci/run provides it.
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

  private static void readsLikeEventsByTag(Map<String, String> env) throws Exception {
    HeadEndSettings settings = TestNodes.settings(env);
    JournalSchema.migrate(settings.journal());
    Config config = ConfigFactory.parseMap(Map.of(
            "akka.actor.provider", "local",
            "akka.remote.artery.canonical.port", 0,
            "jdbc-read-journal.max-buffer-size", 7,
            "jdbc-read-journal.refresh-interval", "50ms"))
        .withFallback(settings.journal().akkaPersistenceConfig())
        .withFallback(settings.config());
    ActorTestKit kit = ActorTestKit.create("tagged-events", config);
    try {
      TestProbe<JournalCounter.Total> probe = kit.createTestProbe();
      List<ActorRef<JournalCounter.Command>> counters = List.of(
          kit.spawn(JournalCounter.create("A", TAG)), kit.spawn(JournalCounter.create("B", "meter-4")),
          kit.spawn(JournalCounter.create("C", TAG)), kit.spawn(JournalCounter.create("D")));
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
