package org.adcs.mdm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.metrics.BridgeMetrics;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.store.MdmStore;
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

/**
 * R-OD-1: an on-demand read of today brings the intervals since midnight. The rest of the day has not
 * happened, so the day is kept raw only, not validated (no gaps, no estimates, nothing routed, no
 * completeness); the delivery of the whole day merges with it and is validated then.
 */
class UnendedDayPostingIT {

  private static final String KEYSPACE = "adcs_unended_day_it";

  private static StoreConnection connection;
  private static MdmStore store;
  private static ExecutorService continuations;
  private static ReadingPosting posting;

  @BeforeAll
  static void openStore() {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    store = MdmStore.open(connection, 64, StoreSchema.DEFAULT_RETENTION);
    continuations = Executors.newFixedThreadPool(2);
    posting = endedDaysOf(ZoneOffset.UTC);
  }

  /** The bridge's posting with only the ended-day gate, for meters whose standard time is {@code standardTime}. */
  private static ReadingPosting endedDaysOf(ZoneOffset standardTime) {
    return new ReadingPosting(store.intervals(), store.registers(), store.events(), store.completeness(),
        new VeeEngine(VeeSettings.defaults()), 4, continuations).withGate(new EndedDays(standardTime));
  }

  @AfterAll
  static void close() {
    continuations.shutdownNow();
    connection.close();
  }

  @Test
  void aDayReadAtTenIsKeptRawAndValidatedWhenTheNightBringsTheRest() throws Exception {
    MeterId meter = new MeterId("SIM00000011");
    LocalDate today = Deliveries.FIRST_DAY.plusDays(10);
    double keptBefore = BridgeMetrics.DAYS_NOT_ENDED.get();

    CollectedReadings morning = Deliveries.onDemand(meter, today, 1, today.atTime(10, 0).toInstant(ZoneOffset.UTC));
    assertEquals(List.of(), post(morning), "nothing validated, so nothing routed");
    assertEquals(2, BridgeMetrics.DAYS_NOT_ENDED.get() - keptBefore, "both channels kept raw");
    for (Channel channel : List.of(Channel.ACTIVE_IMPORT, Channel.ACTIVE_EXPORT)) {
      IntervalDay raw = raw(meter, channel, today, Long.MAX_VALUE);
      assertEquals(ReadingSource.ON_DEMAND, raw.source());
      assertEquals(40, raw.presentCount(), "the 40 complete intervals up to 10:00");
      assertEquals(List.of(), store.intervals().versions(meter, channel, today).toCompletableFuture()
          .get(10, TimeUnit.SECONDS), "no validated version of a day not ended");
    }
    assertEquals(List.of(), completenessRows(meter, today), "no completeness of a day not ended");

    // The night's push misses 00:00-02:00, which the morning's read had.
    CollectedReadings night = Deliveries.nightly(meter, today, 2, Deliveries.allBut(0, 8), null);
    List<ValidatedDay> posted = post(night);
    assertEquals(List.of(Channel.ACTIVE_EXPORT, Channel.ACTIVE_IMPORT),
        posted.stream().map(ValidatedDay::channel).toList());
    ValidatedDay imports = latest(meter, Channel.ACTIVE_IMPORT, today);
    assertEquals(2, imports.version());
    assertEquals(96, imports.count(IntervalStatus.VALID), imports.toString());
    for (int i = 0; i < 96; i++) {
      assertEquals(Deliveries.interval(meter, Channel.ACTIVE_IMPORT, today, i), imports.value(i), "interval " + i);
      assertFalse(imports.has(i, VeeFlag.GAP), "interval " + i);
    }
    assertEquals(96, latest(meter, Channel.ACTIVE_EXPORT, today).count(IntervalStatus.VALID));
    assertEquals(2, completenessRows(meter, today).size(), "one per channel");
    // Each delivery's raw row keeps its own source.
    assertEquals(ReadingSource.ON_DEMAND, raw(meter, Channel.ACTIVE_IMPORT, today, 1).source());
    assertEquals(ReadingSource.SCHEDULED, raw(meter, Channel.ACTIVE_IMPORT, today, 2).source());
  }

  /** A day whose last interval ends exactly at the read, in standard time UTC+1, is posted at once. */
  @Test
  void aDayReadAtItsEndIsValidatedAtOnce() throws Exception {
    MeterId meter = new MeterId("SIM00000012");
    LocalDate day = Deliveries.FIRST_DAY.plusDays(20);
    ReadingPosting plusOne = endedDaysOf(ZoneOffset.ofHours(1));
    var end = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(1));

    assertEquals(List.of(), plusOne.post(Deliveries.onDemand(meter, day, 1, end.minusSeconds(1), ZoneOffset.ofHours(1)),
        VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS), "one second before its end");
    List<ValidatedDay> posted = plusOne.post(Deliveries.onDemand(meter, day, 2, end, ZoneOffset.ofHours(1)),
        VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(2, posted.size(), posted.toString());
    assertEquals(96, latest(meter, Channel.ACTIVE_IMPORT, day).count(IntervalStatus.VALID));
  }

  private static List<ValidatedDay> post(CollectedReadings delivery) throws Exception {
    return posting.post(delivery, VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static IntervalDay raw(MeterId meter, Channel channel, LocalDate day, long asOf) throws Exception {
    return store.intervals().rawAsOf(meter, channel, day, asOf).toCompletableFuture().get(10, TimeUnit.SECONDS)
        .orElseThrow();
  }

  private static ValidatedDay latest(MeterId meter, Channel channel, LocalDate day) throws Exception {
    return store.intervals().validatedAsOf(meter, channel, day, Long.MAX_VALUE).toCompletableFuture()
        .get(10, TimeUnit.SECONDS).orElseThrow();
  }

  private static List<String> completenessRows(MeterId meter, LocalDate day) {
    List<String> rows = new ArrayList<>();
    for (Row row : connection.session().execute("SELECT JSON * FROM " + KEYSPACE
        + ".completeness_by_meter WHERE meter_id = ? AND day = ?", meter.value(), day)) {
      rows.add(row.getString(0));
    }
    return rows;
  }
}
