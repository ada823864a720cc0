package org.adcs.mdm.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.bridge.SampleDeliveries;
import org.adcs.mdm.masterdata.SyncReport.Status;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeLevel;
import org.adcs.mdm.vee.VeeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Master data in a real Cassandra node (R-MD-1): a full sync then incremental ones (one out of
 * order) give the expected timelines and reports after reading them back; readings of a meter
 * without master data are rejected with an exception naming it, and posted once its master data
 * arrives.
 */
class MasterDataStoreIT {

  private static final String KEYSPACE = "adcs_masterdata_it";
  /** Ids of this run only, should the node keep data between runs. */
  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-01T00:00:00Z");
  private static StoreConnection connection;
  private static MdmStore mdm;
  private static CassandraMasterDataStore store;
  private static ExecutorService continuations;

  @BeforeAll
  static void openStore() {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    mdm = MdmStore.open(connection, 32, StoreSchema.DEFAULT_RETENTION);
    CassandraMasterDataStore.create(connection.session(), KEYSPACE);
    store = new CassandraMasterDataStore(mdm.db(), KEYSPACE);
    continuations = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void close() {
    continuations.shutdownNow();
    connection.close();
  }

  private static Map<String, Object> record(String sdp, String meter, Instant from) {
    return new HashMap<>(Map.of("sdpId", sdp + RUN, "uniqueId", "U-" + sdp + RUN, "meter", meter + RUN,
        "account", "ACC-" + sdp, "billingAgent", "BA-1", "channels", List.of("active-import"),
        "effectiveFrom", from.toString()));
  }

  private static SyncSet set(String source, long sequence, SyncSet.Kind kind, Instant at,
      List<Map<String, Object>> records) {
    return SyncInput.fromRecords(new SyncInput.Header(source, sequence, kind, at), records,
        SyncSet.fingerprint(source + sequence + records));
  }

  @Test
  void fullThenIncrementalSyncsIncludingOneOutOfOrderGiveTheExpectedMasterData() {
    String source = "cis-" + RUN;
    Instant now = Instant.parse("2026-01-15T00:00:00Z");
    MasterDataSync sync = new MasterDataSync(store, Duration.ofMinutes(10), meters -> { });
    SyncReport full = sync.submit(set(source, 1, SyncSet.Kind.FULL, JAN, List.of(record("SDP-1", "M1", JAN),
        record("SDP-2", "M2", JAN))), now);
    assertEquals(Status.APPLIED, full.status());

    Map<String, Object> moved = record("SDP-1", "M3", FEB);
    SyncReport third = sync.submit(set(source, 3, SyncSet.Kind.INCREMENTAL, now, List.of(moved)), now);
    assertEquals(Status.HELD, third.status());
    assertEquals(1, store.held().stream().filter(h -> h.set().source().equals(source)).count());
    assertEquals("M1" + RUN, store.timeline("SDP-1" + RUN).orElseThrow().at(FEB).orElseThrow().meter());

    Map<String, Object> bad = record("SDP-9", "M9", JAN);
    bad.put("effectiveTo", "2025-01-01T00:00:00Z");
    SyncReport second = sync.submit(set(source, 2, SyncSet.Kind.INCREMENTAL, now, List.of(
        Map.of("action", "DEACTIVATE", "sdpId", "SDP-2" + RUN, "effectiveFrom", FEB.toString()), bad)), now);
    assertEquals(Status.APPLIED, second.status());
    assertEquals(1, second.exceptions().size());
    assertTrue(second.exceptions().get(0).reason().contains("must be after effectiveFrom"));

    SyncReport thirdNow = store.report(third.id()).orElseThrow();
    assertEquals(Status.APPLIED, thirdNow.status());
    assertEquals(List.of(new SyncReport.Applied(0, "SDP-1" + RUN, "changed")), thirdNow.applied());
    assertEquals(3, store.lastApplied(source));
    assertTrue(store.held().stream().noneMatch(h -> h.set().source().equals(source)));

    ServicePointTimeline one = store.timeline("SDP-1" + RUN).orElseThrow();
    assertEquals(2, one.periods().size());
    assertEquals("M1" + RUN, one.at(JAN).orElseThrow().meter());
    assertEquals("M3" + RUN, one.at(FEB).orElseThrow().meter());
    assertEquals(List.of("active-import"), one.at(FEB).orElseThrow().channels());
    assertEquals(Optional.empty(), store.timeline("SDP-2" + RUN).orElseThrow().at(FEB));
    assertEquals(Optional.of("SDP-1" + RUN), store.servicePointWithUniqueId("U-SDP-1" + RUN));
    assertEquals(List.of("SDP-1" + RUN), store.servicePointsOfMeter("M3" + RUN));
    assertTrue(store.servicePointIds().containsAll(List.of("SDP-1" + RUN, "SDP-2" + RUN)));
    assertEquals(Status.DUPLICATE, sync.submit(set(source, 2, SyncSet.Kind.INCREMENTAL, now, List.of(
        Map.of("action", "DEACTIVATE", "sdpId", "SDP-2" + RUN, "effectiveFrom", FEB.toString()), bad)), now).status());

    SyncReport fourth = sync.submit(set(source, 5, SyncSet.Kind.INCREMENTAL, now, List.of()), now);
    assertEquals(List.of(), sync.expire(now.plus(Duration.ofMinutes(9))));
    List<SyncReport> expired = sync.expire(now.plus(Duration.ofMinutes(10))).stream()
        .filter(r -> r.source().equals(source)).toList();
    assertEquals(List.of(store.report(fourth.id()).orElseThrow()), expired);
    assertEquals(Status.REJECTED, expired.get(0).status());
    assertTrue(expired.get(0).exceptions().get(0).reason().contains("waiting for sequence 4 of " + source));
  }

  @Test
  void readingsOfAMeterWithoutMasterDataAreRejectedByNameAndPostedWhenItArrives() throws Exception {
    MeterCoverage coverage = new MeterCoverage(store, ZoneOffset.UTC);
    MasterDataGate gate = new MasterDataGate(store, coverage, mdm.intervals(), VeeLevel.FULL, Clock.systemUTC(), true);
    ReadingPosting posting = gate.guard(new ReadingPosting(mdm.intervals(), mdm.registers(), mdm.events(),
        mdm.completeness(), new VeeEngine(VeeSettings.defaults()), 4, continuations));
    MasterDataSync sync = new MasterDataSync(store, Duration.ofMinutes(10), gate);
    MeterId meter = new MeterId("MX" + RUN);
    LocalDate day = LocalDate.of(2026, 1, 10);
    CollectedReadings delivery = SampleDeliveries.nightly(meter, day, 1);

    List<ValidatedDay> posted = posting.post(delivery, VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(List.of(), posted);
    List<RejectedReading> rejected = store.rejected(Optional.of(meter.value()), 100);
    assertEquals(delivery.days().size(), rejected.size());
    assertEquals("meter " + meter + " is not synchronised: no service point relationship covers 2026-01-10",
        rejected.get(0).reason());
    assertFalse(mdm.intervals().validatedAsOf(meter, Channel.ACTIVE_IMPORT, day, Long.MAX_VALUE)
        .toCompletableFuture().get().isPresent());
    assertTrue(mdm.intervals().rawAsOf(meter, Channel.ACTIVE_IMPORT, day, 1).toCompletableFuture().get().isPresent());

    Map<String, Object> record = new HashMap<>(Map.of("sdpId", "SDP-X" + RUN, "uniqueId", "U-X" + RUN,
        "meter", meter.value(), "effectiveFrom", JAN.toString()));
    SyncReport report = sync.submit(set("cis-x-" + RUN, 1, SyncSet.Kind.INCREMENTAL, JAN, List.of(record)),
        Instant.now());
    assertEquals(Status.APPLIED, report.status());
    assertEquals(List.of(), store.rejected(Optional.of(meter.value()), 100));
    ValidatedDay validated = mdm.intervals().validatedAsOf(meter, Channel.ACTIVE_IMPORT, day, Long.MAX_VALUE)
        .toCompletableFuture().get().orElseThrow();
    assertEquals(delivery.days().stream().filter(d -> d.channel().equals(Channel.ACTIVE_IMPORT)).findFirst()
        .orElseThrow().values()[10], validated.values()[10]);
  }
}
