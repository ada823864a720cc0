package org.adcs.mdm.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxSchema;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.masterdata.CassandraMasterDataStore;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing quantities from a real Cassandra node (R-MD-4): computed from stored validated days,
 * register reads and master data; every version kept and found again by version time; a billing
 * cycle's run lands once in the billing agent's mailbox.
 */
class BillingStoreIT {

  private static final String KEYSPACE = "adcs_billing_it";
  /** Ids of this run only, should the node keep data between runs. */
  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final String SDP = "SDP-" + RUN;
  private static final String METER = "M-" + RUN;
  private static final String AGENT = "BA-" + RUN;
  private static final Channel KWH = new Channel("active-import", "kWh");
  private static final ZoneId TORONTO = BillingQuantitiesTest.TORONTO;
  private static StoreConnection connection;
  private static MdmStore mdm;
  private static MailboxStore mailbox;
  private static SetClock clock;
  private static BillingService billing;

  @BeforeAll
  static void openStore() throws Exception {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    mdm = MdmStore.open(connection, 32, StoreSchema.DEFAULT_RETENTION);
    MailboxSchema.create(connection.session(), KEYSPACE, StoreSchema.DEFAULT_RETENTION);
    BillingSchema.create(connection.session(), KEYSPACE, StoreSchema.DEFAULT_RETENTION);
    var masterData = new CassandraMasterDataStore(mdm.db(), KEYSPACE);
    masterData.save(ServicePointTimeline.empty(SDP).overlay(new Period(Instant.parse("2023-01-01T00:00:00Z"),
        Optional.empty(), new ServicePointState(SDP, "U-" + SDP, METER, "", "", "ACC-1", AGENT,
            List.of(KWH.name())))), "U-" + SDP);
    // January 2024 (standard time UTC-5, also Toronto's local time in winter): 1 kWh every hour, and a
    // register read at each midnight that agrees.
    for (int d = 1; d <= 31; d++) {
      mdm.intervals().writeValidated(day(LocalDate.of(2024, 1, d), IntervalStatus.VALID, 1)).toCompletableFuture().get();
    }
    for (int d = 0; d <= 31; d++) {
      var at = LocalDate.of(2024, 1, 1).plusDays(d).atStartOfDay();
      mdm.registers().write(new RegisterRead(new MeterId(METER), KWH, at, 1_000_000 + d * 24_000L, -3,
          ReadingSource.SCHEDULED, at.toInstant(InMemoryMeterData.STANDARD), 1)).toCompletableFuture().get();
    }
    mailbox = new MailboxStore(mdm.db(), KEYSPACE);
    clock = new SetClock(Instant.parse("2024-02-01T12:00:00Z"));
    var quantities = new BillingQuantities(BillingQuantitiesTest.SETTINGS,
        new CassandraMeterData(mdm.intervals(), mdm.registers(), Duration.ofSeconds(30)));
    billing = new BillingService(quantities, masterData, new BillingStore(mdm.db(), KEYSPACE), mailbox, TORONTO,
        clock, Duration.ofSeconds(30));
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  private static ValidatedDay day(LocalDate day, IntervalStatus statusOf5, long version) {
    IntervalStatus[] status = new IntervalStatus[24];
    Arrays.fill(status, IntervalStatus.VALID);
    status[5] = statusOf5;
    long[] values = new long[24];
    Arrays.fill(values, 1000);
    Instant posted = Instant.parse("2024-02-01T00:00:00Z").plusSeconds(version);
    return new ValidatedDay(new MeterId(METER), KWH, day, 60, -3, values, status, new int[24], ReadingSource.SCHEDULED,
        posted, posted, version);
  }

  private static Instant local(int month, int day) {
    return LocalDate.of(2024, month, day).atStartOfDay(TORONTO).toInstant();
  }

  @Test
  void earlierVersionsOfAResponseAreFoundByVersionTime() throws Exception {
    String id = "REQ-" + RUN;
    BqRequest request = BqRequest.of(id, SDP, AGENT, local(1, 8), local(1, 10), new Framing.Periodic());
    clock.set(Instant.parse("2024-02-02T10:00:00Z"));
    BqResponse first = billing.request(request);
    assertTrue(first.complete(), () -> first.parts().toString());
    assertEquals(0, new BigDecimal("48").compareTo(first.parts().get(0).quantities().get(0).value()));

    // An interval of the 9th is reposted as needing verification: the next answer has no quantities.
    mdm.intervals().writeValidated(day(LocalDate.of(2024, 1, 9), IntervalStatus.NEEDS_VERIFY, 2))
        .toCompletableFuture().get();
    clock.set(Instant.parse("2024-02-03T10:00:00Z"));
    BqResponse second = billing.request(request);
    assertEquals(BqStatus.NVE_INTERVAL, second.parts().get(0).status());

    assertEquals(BqStatus.NVE_INTERVAL, billing.response(id, Optional.empty()).orElseThrow().parts().get(0).status());
    BqResponse asOfFirst = billing.response(id, Optional.of(Instant.parse("2024-02-02T23:00:00Z"))).orElseThrow();
    assertEquals(first, asOfFirst);
    assertEquals(Instant.parse("2024-02-02T10:00:00Z"), asOfFirst.versionTime());
    assertEquals(Optional.empty(), billing.response(id, Optional.of(Instant.parse("2024-02-01T00:00:00Z"))));
    assertEquals(Optional.empty(), billing.response("no-such-" + RUN, Optional.empty()));

    mdm.intervals().writeValidated(day(LocalDate.of(2024, 1, 9), IntervalStatus.ESTIMATED, 3))
        .toCompletableFuture().get();
  }

  @Test
  void aCycleRunsOnItsDayOnceAndPutsItsResponsesInTheAgentsMailbox() throws Exception {
    String name = "C" + RUN;
    billing.saveCycle(new BillingCycle(name, 1, AGENT, List.of(SDP, "SDP-none-" + RUN), new Framing.Periodic(),
        Optional.empty()));
    clock.set(Instant.parse("2024-01-31T12:00:00Z"));
    assertTrue(billing.runDue().stream().noneMatch(r -> r.cycle().equals(name)), "not due on the 31st");

    clock.set(Instant.parse("2024-02-01T12:00:00Z"));
    List<BillingService.CycleRun> runs = billing.runDue().stream().filter(r -> r.cycle().equals(name)).toList();
    assertEquals(1, runs.size());
    BillingService.CycleRun run = runs.get(0);
    assertEquals(local(1, 1), run.from());
    assertEquals(local(2, 1), run.to());
    assertEquals(2, run.responses());
    assertEquals(1, run.complete());
    assertEquals(Optional.of(LocalDate.of(2024, 2, 1)), billing.cycle(name).orElseThrow().lastRun());
    assertTrue(billing.runDue().stream().noneMatch(r -> r.cycle().equals(name)), "a day's run happens once");

    List<MailboxFile> files = mailbox.list(AGENT, 10).toCompletableFuture().get();
    assertEquals(1, files.size());
    JsonNode content = new ObjectMapper().readTree(content(files.get(0)));
    assertEquals(name, content.get("cycle").asText());
    JsonNode responses = content.get("responses");
    assertEquals(2, responses.size());
    JsonNode ours = responses.get(0);
    assertEquals("cycle-" + name + "-2024-02-01-" + SDP, ours.get("requestId").asText());
    // January: 31 days x 24 h x 1 kWh (the 9th's latest version is billable whichever test runs first)
    JsonNode part = ours.get("parts").get(0);
    assertEquals("OK", part.get("status").asText(), part.toString());
    assertEquals(0, new BigDecimal("744").compareTo(part.get("quantities").get(0).get("value").decimalValue()));
    assertEquals("INACTIVE_SERVICE_POINT", responses.get(1).get("parts").get(0).get("status").asText());
    // the run's responses are stored as pulled ones are
    assertFalse(billing.response("cycle-" + name + "-2024-02-01-SDP-none-" + RUN, Optional.empty())
        .orElseThrow().complete());
  }

  private static byte[] content(MailboxFile file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < file.chunks(); i++) {
      ByteBuffer chunk = mailbox.chunk(file, i).toCompletableFuture().get();
      byte[] bytes = new byte[chunk.remaining()];
      chunk.get(bytes);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static final class SetClock extends Clock {
    private volatile Instant now;

    SetClock(Instant now) {
      this.now = now;
    }

    void set(Instant at) {
      now = at;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
