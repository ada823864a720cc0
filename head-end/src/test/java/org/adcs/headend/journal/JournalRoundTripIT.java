package org.adcs.headend.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Events written through akka-persistence-jdbc survive the actor system: a new system replays them.
 * H2 always; PostgreSQL where .ci/run provides it.
 */
class JournalRoundTripIT {

  @Test
  void h2FileJournalKeepsEventsAcrossActorSystems() {
    roundTrip(TestNodes.nodeEnvironment("journal-h2"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+")
  void postgresJournalKeepsEventsAcrossActorSystems() {
    roundTrip(TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("journal-pg")));
  }

  private static void roundTrip(Map<String, String> env) {
    HeadEndSettings settings = TestNodes.settings(env);
    JournalSchema.migrate(settings.journal());
    JournalSchema.migrate(settings.journal()); // a restart: nothing to apply, no error
    Config config = ConfigFactory.parseMap(Map.of(
            "akka.actor.provider", "local",
            "akka.remote.artery.canonical.port", 0))
        .withFallback(settings.journal().akkaPersistenceConfig())
        .withFallback(settings.config());

    ActorTestKit first = ActorTestKit.create("journal-write", config);
    try {
      ActorRef<JournalCounter.Command> meter = first.spawn(JournalCounter.create("SIM00000001"));
      TestProbe<JournalCounter.Total> probe = first.createTestProbe();
      for (long amount : new long[] {120, 340, 560}) {
        meter.tell(new JournalCounter.Add(amount, probe.ref()));
        probe.receiveMessage();
      }
    } finally {
      first.shutdownTestKit();
    }

    ActorTestKit second = ActorTestKit.create("journal-read", config);
    try {
      ActorRef<JournalCounter.Command> meter = second.spawn(JournalCounter.create("SIM00000001"));
      TestProbe<JournalCounter.Total> probe = second.createTestProbe();
      meter.tell(new JournalCounter.Get(probe.ref()));
      assertEquals(new JournalCounter.Total(1020, 3), probe.receiveMessage());
    } finally {
      second.shutdownTestKit();
    }
  }
}
