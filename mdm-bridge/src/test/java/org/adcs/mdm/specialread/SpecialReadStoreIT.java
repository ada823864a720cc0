package org.adcs.mdm.specialread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.billing.CassandraMeterData;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxSchema;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.adcs.mdm.usage.StoreUsageSource;
import org.adcs.mdm.usage.UsageRelease;
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
 * Special reads, reposting and usage release in a real Cassandra node (R-MD-2, R-MD-3, R-VEE-3):
 * reads come back with their kind, a moved service start reposts new versions while the earlier ones
 * stay, and a supplier switch puts the customer's history into both suppliers' mailboxes.
 */
class SpecialReadStoreIT {

  private static final String KEYSPACE = "adcs_specialread_it";
  /** Ids of this run only, should the node keep data between runs. */
  private static final String RUN = Long.toHexString(System.nanoTime());
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static StoreConnection connection;
  private static MdmStore store;
  private static SpecialReadStore reads;
  private static MailboxStore mailbox;
  private static final ExecutorService continuations = Executors.newFixedThreadPool(2);

  @BeforeAll
  static void openStore() {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    store = MdmStore.open(connection, 16, StoreSchema.DEFAULT_RETENTION);
    MailboxSchema.create(connection.session(), KEYSPACE, StoreSchema.DEFAULT_RETENTION);
    reads = new SpecialReadStore(store.db(), KEYSPACE);
    mailbox = new MailboxStore(store.db(), KEYSPACE);
  }

  @AfterAll
  static void close() {
    continuations.shutdownNow();
    connection.close();
  }

  private static ServicePointState state(String sdp, String meter, String account, String supplier) {
    return new ServicePointState(sdp, "U-" + sdp, meter, null, null, account, supplier, List.of("active-import"));
  }

  private static ValidatedDay day(MeterId meter, LocalDate day, long wh, long version) {
    long[] values = new long[24];
    Arrays.fill(values, wh);
    IntervalStatus[] status = new IntervalStatus[24];
    Arrays.fill(status, IntervalStatus.VALID);
    Instant posted = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return new ValidatedDay(meter, Channel.ACTIVE_IMPORT, day, 60, 0, values, status, new int[24],
        ReadingSource.SCHEDULED, posted, posted, version);
  }

  @Test
  void specialReadsComeBackWithTheirKindInReadTimeOrder() throws Exception {
    String sdp = "SDP-R-" + RUN;
    Instant march = Instant.parse("2026-03-01T00:00:00Z");
    SpecialRead changeOut = new SpecialRead(UUID.randomUUID(), sdp, SpecialReadKind.CHANGE_OUT, march,
        new MeterReads("M1", Map.of("active-import", 9_000L)), Optional.of(new MeterReads("M2", Map.of(
        "active-import", 3L))), Optional.empty(), Instant.parse("2026-03-01T02:00:00Z"));
    SpecialRead tariff = new SpecialRead(UUID.randomUUID(), sdp, SpecialReadKind.TARIFF_CHANGE,
        march.minusSeconds(86_400), new MeterReads("M1", Map.of("active-import", 8_800L)), Optional.empty(),
        Optional.of("TOU-2"), Instant.parse("2026-02-28T02:00:00Z"));
    reads.save(changeOut).toCompletableFuture().get();
    reads.save(tariff).toCompletableFuture().get();
    assertEquals(List.of(tariff, changeOut), reads.reads(sdp, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"),
        100).toCompletableFuture().get());
    assertEquals(List.of(changeOut), reads.reads(sdp, march, march.plusSeconds(1), 100).toCompletableFuture().get());
  }

  @Test
  void anEarlierStartRepostsNewVersionsAndKeepsTheEarlierOnes() throws Exception {
    String sdp = "SDP-P-" + RUN;
    MeterId meter = new MeterId("MP-" + RUN);
    LocalDate first = LocalDate.of(2026, 3, 1);
    for (LocalDate d = first; d.isBefore(first.plusDays(20)); d = d.plusDays(1)) {
      store.intervals().writeValidated(day(meter, d, 10, 5)).toCompletableFuture().get();
    }
    store.registers().write(new RegisterRead(meter, Channel.ACTIVE_IMPORT, first.plusDays(5).atStartOfDay(), 50_000, 0,
        ReadingSource.SCHEDULED, Instant.parse("2026-03-06T01:00:00Z"), 1)).toCompletableFuture().get();
    ServicePointTimeline before = new ServicePointTimeline(sdp, List.of(new Period(Instant.parse(
        "2026-03-06T00:00:00Z"), Optional.empty(), state(sdp, meter.value(), "ACC-1", "SUP-A"))));
    ServicePointTimeline after = new ServicePointTimeline(sdp, List.of(new Period(Instant.parse(
        "2026-03-03T00:00:00Z"), Optional.empty(), state(sdp, meter.value(), "ACC-1", "SUP-A"))));
    Reposting reposting = new Reposting(store.intervals(), store.registers(), reads, ZoneOffset.UTC, TIMEOUT);

    List<SpecialReadStore.RepostRecord> done = reposting.onChange(before, after,
        Instant.parse("2026-03-21T06:00:00Z"));

    assertEquals(1, done.size());
    SpecialReadStore.RepostRecord record = done.get(0);
    assertEquals(List.of(first.plusDays(2), first.plusDays(3), first.plusDays(4)), record.reposted());
    assertEquals(50_000 - 3 * 240, record.opening().orElseThrow().value());
    assertEquals(List.of(record), reads.reposts(sdp, 10).toCompletableFuture().get());
    List<ValidatedDay> versions = store.intervals().versions(meter, Channel.ACTIVE_IMPORT, first.plusDays(2))
        .toCompletableFuture().get();
    assertEquals(List.of("5.1", "5"), versions.stream().map(ValidatedDay::versionLabel).toList());
    assertTrue(versions.get(0).has(0, VeeFlag.ADJUSTED));
    assertFalse(versions.get(1).has(0, VeeFlag.ADJUSTED));
    assertEquals(1, store.intervals().versions(meter, Channel.ACTIVE_IMPORT, first.plusDays(1))
        .toCompletableFuture().get().size()); // before the new start: untouched
    assertEquals(List.of(), reposting.onChange(after, after, Instant.parse("2026-03-21T06:00:00Z")));
  }

  @Test
  void aSupplierSwitchReleasesTheHistoryIntoBothMailboxes() throws Exception {
    String sdp = "SDP-U-" + RUN;
    MeterId meter = new MeterId("MU-" + RUN);
    LocalDate first = LocalDate.of(2026, 4, 1);
    for (LocalDate d = first; d.isBefore(first.plusDays(10)); d = d.plusDays(1)) {
      store.intervals().writeValidated(day(meter, d, 100, 1)).toCompletableFuture().get();
    }
    Instant apr = Instant.parse("2026-04-01T00:00:00Z");
    Instant switchAt = Instant.parse("2026-04-11T00:00:00Z");
    ServicePointTimeline before = new ServicePointTimeline(sdp, List.of(new Period(apr, Optional.empty(),
        state(sdp, meter.value(), "ACC-U", "SUP-OLD-" + RUN))));
    ServicePointTimeline after = before.overlay(new Period(switchAt, Optional.empty(),
        state(sdp, meter.value(), "ACC-U", "SUP-NEW-" + RUN)));
    UsageRelease release = new UsageRelease(mailbox, new StoreUsageSource(store.intervals(), store.registers(),
        TIMEOUT), s -> Optional.empty(), ZoneOffset.UTC);

    List<MailboxFile> files = release.onChange(before, after, Instant.parse("2026-04-11T08:00:00Z"));

    assertEquals(List.of("SUP-OLD-" + RUN, "SUP-NEW-" + RUN), files.stream().map(MailboxFile::party).toList());
    for (MailboxFile file : files) {
      MailboxFile listed = mailbox.list(file.party(), 10).toCompletableFuture().get().get(0);
      assertEquals(file, listed);
      String csv = StandardCharsets.UTF_8.decode(mailbox.chunk(listed, 0).toCompletableFuture().get()).toString();
      assertTrue(csv.contains("month,active-import,Wh,,2026-04,24000,10,100,false,\r\n"), csv);
      assertEquals(10, csv.lines().filter(l -> l.startsWith("day,active-import," + meter.value())).count());
    }
  }

  /** An hour's usage that varies over the day, so the constant-usage check stays quiet. */
  private static IntervalDay delivered(MeterId meter, LocalDate day, long revision) {
    long[] values = new long[24];
    Arrays.setAll(values, h -> 10 + h % 5);
    BitSet all = new BitSet(24);
    all.set(0, 24);
    return new IntervalDay(meter, Channel.ACTIVE_IMPORT, day, 60, 0, values, all, new int[24],
        ReadingSource.SCHEDULED, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), revision);
  }

  private static ReadingPosting posting(IntervalStore intervals) {
    return new ReadingPosting(intervals, store.registers(), store.events(), store.completeness(),
        new VeeEngine(VeeSettings.defaults()), 4, continuations);
  }

  private static List<ValidatedDay> versions(IntervalStore intervals, MeterId meter, LocalDate day) throws Exception {
    return intervals.versions(meter, Channel.ACTIVE_IMPORT, day).toCompletableFuture().get();
  }

  /**
   * R-VEE-3, R-MD-2: the delivery after a repost has the revision a repost used to take (highest
   * stored + 1); both versions are kept, the delivery is the newest that readers get, and as its day
   * is still inside the moved service it keeps the adjustment. Posting it again changes nothing.
   */
  @Test
  void aDeliveryAfterARepostIsANewerVersionKeepingTheAdjustment() throws Exception {
    String sdp = "SDP-D-" + RUN;
    MeterId meter = new MeterId("MD-" + RUN);
    LocalDate first = LocalDate.of(2026, 3, 1);
    for (LocalDate d = first; d.isBefore(first.plusDays(20)); d = d.plusDays(1)) {
      store.intervals().writeValidated(day(meter, d, 10, 5)).toCompletableFuture().get();
    }
    ServicePointTimeline before = new ServicePointTimeline(sdp, List.of(new Period(Instant.parse(
        "2026-03-06T00:00:00Z"), Optional.empty(), state(sdp, meter.value(), "ACC-D", "SUP-A"))));
    ServicePointTimeline after = new ServicePointTimeline(sdp, List.of(new Period(Instant.parse(
        "2026-03-03T00:00:00Z"), Optional.empty(), state(sdp, meter.value(), "ACC-D", "SUP-A"))));
    new Reposting(store.intervals(), store.registers(), reads, ZoneOffset.UTC, TIMEOUT)
        .onChange(before, after, Instant.parse("2026-03-21T06:00:00Z"));
    LocalDate gained = first.plusDays(2);
    LocalDate untouched = first.plusDays(1);
    Instant postedAt = Instant.parse("2026-03-21T07:00:00Z");
    CollectedReadings delivery = new CollectedReadings(meter, 6, postedAt,
        List.of(delivered(meter, untouched, 6), delivered(meter, gained, 6)), List.of(), List.of());

    posting(store.intervals()).post(delivery, VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS);

    List<ValidatedDay> kept = versions(store.intervals(), meter, gained);
    assertEquals(List.of("6", "5.1", "5"), kept.stream().map(ValidatedDay::versionLabel).toList());
    ValidatedDay newest = kept.get(0);
    ValidatedDay repost = kept.get(1);
    assertEquals(Optional.of("over-under-read"), repost.adjustment());
    assertEquals(Optional.of("over-under-read"), newest.adjustment());
    assertEquals(postedAt, newest.postedAt());
    for (int i = 0; i < 24; i++) {
      assertTrue(repost.has(i, VeeFlag.ADJUSTED));
      assertEquals(10, repost.value(i));
      assertTrue(newest.has(i, VeeFlag.ADJUSTED), "interval " + i);
      assertEquals(10 + i % 5, newest.value(i));
    }
    assertEquals(Optional.of(newest), store.intervals().validatedAsOf(meter, Channel.ACTIVE_IMPORT, gained,
        Long.MAX_VALUE).toCompletableFuture().get());
    assertEquals(List.of(newest), new StoreUsageSource(store.intervals(), store.registers(), TIMEOUT)
        .days(meter, Channel.ACTIVE_IMPORT, gained, gained.plusDays(1)));
    assertEquals(Optional.of(newest), new CassandraMeterData(store.intervals(), store.registers(), TIMEOUT)
        .validatedDay(meter.value(), Channel.ACTIVE_IMPORT.name(), gained));
    // Outside the moved dates nothing was reposted: the same delivery's day there is not adjusted.
    ValidatedDay plain = versions(store.intervals(), meter, untouched).get(0);
    assertEquals("6", plain.versionLabel());
    assertEquals(Optional.empty(), plain.adjustment());
    assertFalse(plain.has(0, VeeFlag.ADJUSTED));

    posting(store.intervals()).post(delivery, VeeLevel.FULL).toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(kept, versions(store.intervals(), meter, gained), "posting the same delivery again changes nothing");
  }

  /**
   * Versions written before reposts had a key of their own stay readable: an old repost stored as
   * "highest + 1" is the newest version until a delivery follows it, which then keeps its flags.
   */
  @Test
  void versionsStoredBeforeStayReadableAndAreFollowedByNewerOnes() throws Exception {
    MeterId meter = new MeterId("ML-" + RUN);
    LocalDate day = LocalDate.of(2026, 3, 10);
    ValidatedDay delivered = day(meter, day, 10, 5);
    int[] adjusted = new int[24];
    Arrays.fill(adjusted, VeeFlag.ADJUSTED.bit());
    ValidatedDay oldRepost = new ValidatedDay(meter, Channel.ACTIVE_IMPORT, day, 60, 0, delivered.values(),
        delivered.status(), adjusted, ReadingSource.SCHEDULED, delivered.readAt(), delivered.postedAt().plusSeconds(60),
        6);
    for (ValidatedDay v : List.of(delivered, oldRepost)) {
      connection.session().execute("INSERT INTO " + KEYSPACE + ".interval_validated (meter_id, channel, day,"
          + " version, interval_minutes, unit, scale, interval_values, status, flags, source, read_at, posted_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", meter.value(), "active-import", day, v.version(), 60, "Wh", 0,
          Arrays.stream(v.values()).boxed().toList(), Arrays.stream(v.status()).map(s -> (byte) s.ordinal()).toList(),
          Arrays.stream(v.flags()).boxed().toList(), "SCHEDULED", v.readAt(), v.postedAt());
    }
    IntervalStore reopened = new IntervalStore(store.db(), KEYSPACE);
    assertEquals(List.of(oldRepost, delivered), versions(reopened, meter, day));
    assertEquals(Optional.of(delivered), reopened.validatedAsOf(meter, Channel.ACTIVE_IMPORT, day, 5)
        .toCompletableFuture().get());

    posting(reopened).post(new CollectedReadings(meter, 7, Instant.parse("2026-03-21T07:00:00Z"),
        List.of(delivered(meter, day, 7)), List.of(), List.of()), VeeLevel.FULL).toCompletableFuture()
        .get(60, TimeUnit.SECONDS);

    List<ValidatedDay> kept = versions(reopened, meter, day);
    assertEquals(List.of("7", "6", "5"), kept.stream().map(ValidatedDay::versionLabel).toList());
    assertEquals(Optional.of(kept.get(0)), reopened.validatedAsOf(meter, Channel.ACTIVE_IMPORT, day, Long.MAX_VALUE)
        .toCompletableFuture().get());
    assertTrue(kept.get(0).has(0, VeeFlag.ADJUSTED));
  }
}
