package org.adcs.headend.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.headend.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Meter entities through Cluster Sharding on the real journal: what a meter told the head-end is
 * still there after the head-end restarts (H2; PostgreSQL where .ci/run provides it).
 */
class MeterJournalIT {

  private static final Duration ASK = Duration.ofSeconds(15);

  @Test
  void meterStateSurvivesAHeadEndRestartOnTheH2Journal() throws Exception {
    survivesRestart(TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("meters-h2"), "adcs_meters_it"));
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "ADCS_TEST_POSTGRES_URL", matches = ".+")
  void meterStateSurvivesAHeadEndRestartOnThePostgresJournal() throws Exception {
    survivesRestart(TestNodes.withSharedCassandra(
        TestNodes.withPostgresJournal(TestNodes.nodeEnvironment("meters-pg")), "adcs_meters_it"));
  }

  private static void survivesRestart(Map<String, String> env) throws Exception {
    LocalDate day = LocalDate.of(2026, 11, 21);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      for (int m = 1; m <= 20; m++) {
        String id = String.format("SIM%08d", m);
        var meter = headEnd.meters().meter(id);
        Meter.Reply registered = meter.<Meter.Reply>ask(replyTo -> new Meter.Announce(new Registration(id,
            "ADC" + id.substring(3), "dlms-lls", ConnectionKind.METER_CONNECTS, null, "lls/" + id),
            Instant.parse("2026-11-22T07:00:00Z"), null, replyTo), ASK).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(new Meter.Accepted(true), registered);
        Meter.Reply collected = meter.<Meter.Reply>ask(replyTo -> new Meter.Collect(delivery(day), replyTo), ASK)
            .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(new Meter.Accepted(true), collected);
      }
    }
    try (HeadEnd again = HeadEnd.start(TestNodes.settings(env))) {
      for (int m = 1; m <= 20; m++) {
        String id = String.format("SIM%08d", m);
        MeterState state = again.meters().meter(id).<MeterState>ask(Meter.GetStatus::new, ASK)
            .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(state.registered(), id);
        assertEquals(96, state.intervalsHeld("active-import", day), id);
        // A repeat of the acknowledged push changes nothing (R-COL-1).
        Meter.Reply repeat = again.meters().meter(id).<Meter.Reply>ask(replyTo -> new Meter.Collect(delivery(day), replyTo),
            ASK).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(new Meter.Accepted(false), repeat);
      }
    }
  }

  private static Delivery delivery(LocalDate day) {
    BitSet present = new BitSet();
    present.set(0, 96);
    long[] pulses = new long[96];
    for (int i = 0; i < 96; i++) {
      pulses[i] = 200 + i % 7;
    }
    return new Delivery(Source.SCHEDULED, Instant.parse("2026-11-22T07:20:00Z"), List.of(new ChannelDay("active-import",
        "Wh", new BigDecimal("1"), day, 15, pulses, present.toLongArray(), new int[96])), List.of());
  }
}
