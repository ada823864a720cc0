package org.adcs.headend.bridge;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;
import org.adcs.headend.journal.JournalSettings;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.routing.DeliverySettings;
import org.adcs.mdm.routing.Feed;
import org.adcs.mdm.routing.EventRouter;
import org.adcs.mdm.routing.OutboxStore;
import org.adcs.mdm.routing.RoutingSupervisor;
import org.adcs.mdm.routing.SubscriptionStore;
import org.adcs.mdm.routing.WebhookClient;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeLevel;
import org.adcs.mdm.vee.VeeSettings;

/**
 * Wires the MDM bridge into a head-end node: the store's schema and parts, event routing (one
 * delivery supervisor in the cluster, a singleton), and the projection from the journal.
 */
public final class MdmBridge {

  /** Requests to Cassandra in flight from this node at most. */
  private static final int MAX_IN_FLIGHT = 256;

  /**
   * The backstop for subscription changes: they reach every node at once through
   * {@link RoutedSubscriptions}' pub-sub topic, which is at most once; this poll bounds how late a
   * node that missed the message (e.g. one joining at that moment) picks a change up.
   */
  static final Duration SUBSCRIPTION_POLL = Duration.ofSeconds(10);

  /** The longest feed settle time: it delays every stream. */
  private static final Duration MAX_FEED_SETTLE = Duration.ofMinutes(1);

  private final MdmStore store;
  private final EventRouter router;
  private final RoutedSubscriptions subscriptions;
  private final Feed events;
  private final Feed readings;

  /** Master data (R-MD-1): the synchronisation, its store, and the gate on readings of meters without it. */
  public record MasterData(org.adcs.mdm.masterdata.MasterDataSync sync, org.adcs.mdm.masterdata.MasterDataStore store,
      org.adcs.mdm.masterdata.MasterDataGate gate) {}

  private MasterData masterData;

  /** Special reads and usage history (R-MD-2, R-MD-3): the store, where history comes from, unmetered points. */
  public record SpecialReads(org.adcs.mdm.specialread.SpecialReadStore store, org.adcs.mdm.usage.UsageSource usage,
      java.util.Map<String, org.adcs.mdm.usage.FixedUsage> fixedUsage) {}

  /** How long a store call made while reposting or assembling usage history may take. */
  static final Duration STORE_WAIT = Duration.ofSeconds(30);

  private SpecialReads specialReads;

  private MdmBridge(MdmStore store, EventRouter router, RoutedSubscriptions subscriptions, Feed events, Feed readings) {
    this.store = store;
    this.router = router;
    this.subscriptions = subscriptions;
    this.events = events;
    this.readings = readings;
  }

  /** {@code adcs.streams.settle}: how old a feed entry must be before streams send it (see {@link Feed}). */
  public static Duration feedSettle(com.typesafe.config.Config config) {
    String path = "adcs.streams.settle";
    Duration settle = new SettingReader(config).duration(path);
    if (settle.compareTo(MAX_FEED_SETTLE) > 0) {
      throw new InvalidSettingException(path, "must be at most " + MAX_FEED_SETTLE.toSeconds()
          + "s (it delays every stream), found " + settle.toMillis() + " ms");
    }
    return settle;
  }

  /** @param standardTime the meters' standard time, whose days the timeliness deadlines end (R-VEE-4) */
  public static MdmBridge start(ActorSystem<?> system, StoreConnection connection, JournalSettings journal,
      Duration feedSettle, java.time.ZoneOffset standardTime) {
    return start(system, connection, journal, feedSettle, standardTime, new MasterDataSettings(false, Duration.ofHours(1)));
  }

  /** @param masterData whether readings wait for master data, and how long out-of-order sync sets wait */
  public static MdmBridge start(ActorSystem<?> system, StoreConnection connection, JournalSettings journal,
      Duration feedSettle, java.time.ZoneOffset standardTime, MasterDataSettings masterData) {
    MdmStore store = MdmStore.open(connection, MAX_IN_FLIGHT, StoreSchema.DEFAULT_RETENTION, standardTime);
    String keyspace = connection.settings().keyspace();
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    SubscriptionStore subscriptions = new SubscriptionStore(store.db(), keyspace);
    OutboxStore outbox = new OutboxStore(store.db(), keyspace);

    java.util.concurrent.atomic.AtomicReference<ActorRef<RoutingSupervisor.Command>> deliveries =
        new java.util.concurrent.atomic.AtomicReference<>();
    Feed events = new Feed(store.db(), keyspace, Feed.EVENTS, Clock.systemUTC(), feedSettle, blocking);
    Feed readings = new Feed(store.db(), keyspace, Feed.READINGS, Clock.systemUTC(), feedSettle, blocking);
    EventRouter router = new EventRouter(subscriptions, outbox, events, readings, entry -> {
      ActorRef<RoutingSupervisor.Command> supervisor = deliveries.get();
      if (supervisor != null) {
        supervisor.tell(new RoutingSupervisor.Wake(entry.subscription(), entry.position()));
      }
    });
    deliveries.set(ClusterSingleton.get(system).init(SingletonActor.of(RoutingSupervisor.create(router, outbox,
        new WebhookClient(Duration.ofSeconds(10)), DeliverySettings.defaults(), Clock.systemUTC(), SUBSCRIPTION_POLL),
        "event-routing")));
    // Every node routes what it posts, so every node keeps its own view of the subscriptions.
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, SUBSCRIPTION_POLL, router::refresh,
        system.executionContext());
    RoutedSubscriptions routed = RoutedSubscriptions.start(system, subscriptions, router, deliveries.get());

    var masterDataStore = new org.adcs.mdm.masterdata.CassandraMasterDataStore(store.db(), keyspace);
    var gate = new org.adcs.mdm.masterdata.MasterDataGate(masterDataStore,
        new org.adcs.mdm.masterdata.MeterCoverage(masterDataStore, standardTime), store.intervals(), VeeLevel.FULL,
        Clock.systemUTC(), masterData.checkReadings());
    ReadingPosting posting = gate.guard(new ReadingPosting(store.intervals(), store.registers(), store.events(),
        store.completeness(), new VeeEngine(VeeSettings.defaults()), 4, blocking, router));
    // Mailbox tables before the usage release prepares its statements (the data API creates them too).
    org.adcs.mdm.mailbox.MailboxSchema.create(store.db().session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    var specialReadStore = new org.adcs.mdm.specialread.SpecialReadStore(store.db(), keyspace);
    var usageSource = new org.adcs.mdm.usage.StoreUsageSource(store.intervals(), store.registers(), STORE_WAIT);
    var followUp = new org.adcs.mdm.specialread.ServiceChangeFollowUp(
        new org.adcs.mdm.specialread.Reposting(store.intervals(), store.registers(), specialReadStore, standardTime,
            STORE_WAIT),
        new org.adcs.mdm.usage.UsageRelease(new org.adcs.mdm.mailbox.MailboxStore(store.db(), keyspace), usageSource,
            sdp -> java.util.Optional.ofNullable(masterData.fixedUsage().get(sdp)), standardTime));
    var sync = new org.adcs.mdm.masterdata.MasterDataSync(masterDataStore, masterData.holdTime(), gate, followUp);
    // Held sets past their hold time are rejected with a report, checked often enough to keep to it.
    Duration expiry = masterData.holdTime().dividedBy(4).compareTo(Duration.ofSeconds(30)) < 0
        ? masterData.holdTime().dividedBy(4) : Duration.ofSeconds(30);
    system.scheduler().scheduleWithFixedDelay(expiry, expiry, () -> expireQuietly(sync, system),
        system.dispatchers().lookup(DispatcherSelector.blocking()));
    ReadingsProjection.init(system, posting, ProjectionOffsets.pooled(system, journal, blocking, Clock.systemUTC()), VeeLevel.FULL);
    MdmBridge bridge = new MdmBridge(store, router, routed, events, readings);
    bridge.masterData = new MasterData(sync, masterDataStore, gate);
    bridge.specialReads = new SpecialReads(specialReadStore, usageSource, masterData.fixedUsage());
    return bridge;
  }

  private static void expireQuietly(org.adcs.mdm.masterdata.MasterDataSync sync, ActorSystem<?> system) {
    try {
      sync.expire(java.time.Instant.now());
    } catch (RuntimeException e) {
      system.log().warn("Held master-data sync sets could not be checked for expiry; next try soon: {}", e.toString());
    }
  }

  public MasterData masterData() {
    return masterData;
  }

  public SpecialReads specialReads() {
    return specialReads;
  }

  /** Subscriptions as the API manages them (R-EV-2). */
  public RoutedSubscriptions subscriptions() {
    return subscriptions;
  }

  /** Routed events as they are stored, for server-sent-event streams (R-EV-2). */
  public Feed events() {
    return events;
  }

  /** Validated days as they are stored, for server-sent-event streams (R-COL-2). */
  public Feed readings() {
    return readings;
  }

  public MdmStore store() {
    return store;
  }

  public EventRouter router() {
    return router;
  }
}
