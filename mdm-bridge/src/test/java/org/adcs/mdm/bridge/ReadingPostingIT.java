package org.adcs.mdm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.BoundedSession;
import org.adcs.mdm.store.CompletenessStore;
import org.adcs.mdm.store.EventStore;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.RegisterStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeFlag;
import org.adcs.mdm.vee.VeeLevel;
import org.adcs.mdm.vee.VeeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deliveries through VEE into the real Cassandra store: versions, estimates, replays. */
class ReadingPostingIT {

  private static final String KEYSPACE = "adcs_posting_it";
  private static final List<String> TABLES = List.of("interval_raw", "interval_versions", "register_reads",
      "events_by_meter", "events_by_type", "completeness_by_day", "completeness_by_meter");

  private static StoreConnection connection;
  private static MdmStore store;
  private static ExecutorService continuations;
  private static ReadingPosting posting;

  @BeforeAll
  static void openStore() {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    store = MdmStore.open(connection, 64, StoreSchema.DEFAULT_RETENTION);
    continuations = Executors.newFixedThreadPool(2);
    posting = new ReadingPosting(store.intervals(), store.registers(), store.events(), store.completeness(),
        new VeeEngine(VeeSettings.defaults()), 4, continuations);
  }

  @AfterAll
  static void close() {
    continuations.shutdownNow();
    connection.close();
  }

  private static List<ValidatedDay> post(CollectedReadings delivery) throws Exception {
    return posting.post(delivery, VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void nightlyDeliveriesAreValidatedEstimatedRecoveredAndReplayedIdempotently() throws Exception {
    MeterId meter = new MeterId("SIM00000007");
    List<CollectedReadings> deliveries = new ArrayList<>();
    long revision = 1;
    LocalDate gapDay = Deliveries.FIRST_DAY.plusDays(2);
    LocalDate spikeDay = Deliveries.FIRST_DAY.plusDays(3);
    for (int d = 0; d < 5; d++) {
      LocalDate day = Deliveries.FIRST_DAY.plusDays(d);
      BitSet present = Deliveries.all();
      long[] imports = null;
      if (day.equals(gapDay)) {
        present.clear(40, 48); // two hours missing
      }
      if (day.equals(spikeDay)) {
        imports = Deliveries.day(meter, Channel.ACTIVE_IMPORT, day);
        imports[50] = 12_000;
      }
      deliveries.add(Deliveries.nightly(meter, day, revision++, present, imports));
    }
    deliveries.add(Deliveries.recovery(meter, gapDay, revision, 40, 48));

    List<ValidatedDay> posted = new ArrayList<>();
    for (CollectedReadings delivery : deliveries) {
      posted.addAll(post(delivery));
    }

    // Clean days: every interval valid, and the import day adds up to its registers.
    ValidatedDay clean = latest(meter, Channel.ACTIVE_IMPORT, Deliveries.FIRST_DAY);
    assertEquals(96, clean.count(IntervalStatus.VALID), clean.toString());

    // The gap was estimated (register-bounded) on the night, then replaced by recovered actuals.
    ValidatedDay nightVersion = posted.stream()
        .filter(v -> v.day().equals(gapDay) && v.channel().equals(Channel.ACTIVE_IMPORT) && v.version() == 3)
        .findFirst().orElseThrow();
    assertEquals(8, nightVersion.count(IntervalStatus.ESTIMATED));
    assertEquals(nightVersion.billableTotal(), Deliveries.registerAt(meter, Channel.ACTIVE_IMPORT, gapDay.plusDays(1))
        - Deliveries.registerAt(meter, Channel.ACTIVE_IMPORT, gapDay));
    ValidatedDay recovered = latest(meter, Channel.ACTIVE_IMPORT, gapDay);
    assertEquals(6, recovered.version());
    assertEquals(96, recovered.count(IntervalStatus.VALID));
    assertTrue(recovered.has(40, VeeFlag.REPLACED_ESTIMATE));
    assertEquals(Deliveries.interval(meter, Channel.ACTIVE_IMPORT, gapDay, 44), recovered.value(44));
    List<ValidatedDay> versions = store.intervals().versions(meter, Channel.ACTIVE_IMPORT, gapDay)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(List.of(6L, 3L), versions.stream().map(ValidatedDay::version).toList(), "R-VEE-3: earlier version kept");

    // The spike needs verifying and so does the day's sum check, which the spike breaks.
    ValidatedDay spiky = latest(meter, Channel.ACTIVE_IMPORT, spikeDay);
    assertTrue(spiky.has(50, VeeFlag.SPIKE));
    assertTrue(spiky.has(10, VeeFlag.SUM_CHECK_FAILED));
    assertEquals(96, latest(meter, Channel.ACTIVE_EXPORT, spikeDay).count(IntervalStatus.VALID));

    // Events: every one stored once.
    var events = store.events().events(meter, Deliveries.FIRST_DAY.atStartOfDay(),
        Deliveries.FIRST_DAY.plusDays(5).atStartOfDay()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(10, events.size());

    // Replaying every delivery leaves every row and write time exactly as it was.
    List<String> before = dumpAllTables();
    assertEquals(11, before.stream().filter(r -> r.startsWith("interval_versions ")).count(),
        "5 nights x 2 channels + 1 recovery");
    assertTrue(before.stream().allMatch(r -> r.contains("\"wt\": ")), "every row carries its write time");
    for (CollectedReadings delivery : deliveries) {
      post(delivery);
    }
    assertEquals(before, dumpAllTables());
    assertEquals(events.size(), store.events().events(meter, Deliveries.FIRST_DAY.atStartOfDay(),
        Deliveries.FIRST_DAY.plusDays(5).atStartOfDay()).toCompletableFuture().get(10, TimeUnit.SECONDS).size());
  }

  /**
   * A delivery counts as posted only once the store holds all of it: the bridge's projection stores its
   * offset on that (R-OPS-4). A delivery without interval days (an events-only push, or registers
   * alone) once came back posted while its writes were still under way, or had failed.
   */
  @Test
  void aDeliveryWithoutDaysIsNotPostedWhenItsWritesFail() throws Exception {
    StoreConnection lost = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    BoundedSession db = new BoundedSession(lost.session(), 8);
    ReadingPosting unreachable = new ReadingPosting(new IntervalStore(db, KEYSPACE), new RegisterStore(db, KEYSPACE),
        new EventStore(db, KEYSPACE), new CompletenessStore(db, KEYSPACE), new VeeEngine(VeeSettings.defaults()), 4,
        continuations);
    lost.close();
    MeterId meter = new MeterId("SIM00000009");
    CollectedReadings nightly = Deliveries.nightly(meter, Deliveries.FIRST_DAY, 1, Deliveries.all(), null);
    CollectedReadings eventsOnly = new CollectedReadings(meter, 1, nightly.postedAt(), List.of(), List.of(),
        nightly.events());
    CollectedReadings registersOnly = new CollectedReadings(meter, 1, nightly.postedAt(), List.of(),
        nightly.registers(), List.of());
    for (CollectedReadings delivery : List.of(eventsOnly, registersOnly, nightly)) {
      assertThrows(ExecutionException.class,
          () -> unreachable.post(delivery, VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS),
          delivery.events().size() + " events, " + delivery.registers().size() + " registers, "
              + delivery.days().size() + " days: posted though the store is unreachable");
    }
  }

  private static ValidatedDay latest(MeterId meter, Channel channel, LocalDate day) throws Exception {
    return store.intervals().validatedAsOf(meter, channel, day, Long.MAX_VALUE).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).orElseThrow();
  }

  private static List<String> dumpAllTables() {
    List<String> rows = new ArrayList<>();
    for (String table : TABLES) {
      var metadata = connection.session().getMetadata().getKeyspace(KEYSPACE).orElseThrow().getTable(table).orElseThrow();
      String regular = metadata.getColumns().keySet().stream()
          .filter(c -> !metadata.getPrimaryKey().stream().map(k -> k.getName()).toList().contains(c))
          .findFirst().orElseThrow().asCql(true);
      String columns = String.join(", ", metadata.getColumns().keySet().stream().map(c -> c.asCql(true)).toList());
      for (Row row : connection.session().execute("SELECT JSON " + columns + ", writetime(" + regular + ") AS wt FROM "
          + KEYSPACE + "." + table)) {
        rows.add(table + " " + row.getString(0));
      }
    }
    rows.sort(String::compareTo);
    return rows;
  }

}
