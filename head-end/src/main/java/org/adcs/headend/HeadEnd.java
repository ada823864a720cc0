package org.adcs.headend;

import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Behaviors;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.alerts.OperatorNotifications;
import org.adcs.headend.api.HealthRoutes;
import org.adcs.headend.api.console.Console;
import org.adcs.headend.api.MassReadRoutes;
import org.adcs.headend.api.MeterReadRoutes;
import org.adcs.headend.api.MeterRoutes;
import org.adcs.headend.api.MetricsRoutes;
import org.adcs.headend.api.StreamRoutes;
import org.adcs.headend.config.SettingReader;
import org.adcs.headend.api.SubscriptionRoutes;
import org.adcs.headend.api.reports.ReportRoutes;
import org.adcs.headend.api.reports.ReportSources;
import org.adcs.headend.health.UptimeRecorder;
import org.adcs.mdm.report.DeliveryScan;
import org.adcs.mdm.report.UptimeStore;
import org.adcs.headend.bridge.MdmBridge;
import org.adcs.headend.api.HttpApi;
import org.adcs.headend.api.PickupRoutes;
import org.adcs.headend.api.HttpsContext;
import org.adcs.headend.api.openapi.OpenApiDocument;
import org.adcs.headend.api.openapi.OpenApiRoutes;
import org.adcs.headend.api.security.ApiAccess;
import org.adcs.headend.cluster.ClusterFormation;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.health.CassandraCheck;
import org.adcs.headend.health.ClusterCheck;
import org.adcs.headend.health.JournalCheck;
import org.adcs.headend.health.Readiness;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.bridge.ReadingsProjection;
import org.adcs.headend.journal.JournalRetention;
import org.adcs.headend.journal.OrderingGaps;
import org.adcs.headend.meter.MeterDialler;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.scheduling.Scheduling;
import org.adcs.headend.scheduling.SchedulingProjection;
import org.adcs.headend.session.MeterCredentials;
import org.adcs.headend.session.MeterCredentialsSetting;
import org.adcs.headend.session.MeterPort;
import java.time.Clock;
import org.adcs.mdm.store.CassandraSettings;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreUnavailableException;
import org.adcs.mdm.store.embedded.EmbeddedCassandra;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running head-end node: its embedded Cassandra (if configured), journal schema, cluster
 * member and HTTP API, started in dependency order and stopped in reverse.
 */
public final class HeadEnd implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HeadEnd.class);
  public static final String SYSTEM_NAME = "adcs";

  private final HeadEndSettings settings;
  private final Optional<EmbeddedCassandra> cassandra;
  private final StoreConnection store;
  private final ActorSystem<Void> system;
  private final ServerBinding http;
  private final Readiness readiness;
  private final MeterSharding meters;
  private final MeterPort meterPort;
  private final MdmBridge bridge;
  private final ApiAccess apiAccess;
  private Scheduling scheduling;
  private OperatorNotifications notifications;
  private volatile boolean closing;

  private HeadEnd(HeadEndSettings settings, Optional<EmbeddedCassandra> cassandra, StoreConnection store,
      ActorSystem<Void> system, ServerBinding http, Readiness readiness, MeterSharding meters, MeterPort meterPort,
      MdmBridge bridge, ApiAccess apiAccess) {
    this.settings = settings;
    this.apiAccess = apiAccess;
    this.cassandra = cassandra;
    this.store = store;
    this.system = system;
    this.http = http;
    this.readiness = readiness;
    this.meters = meters;
    this.meterPort = meterPort;
    this.bridge = bridge;
  }

  /** The collection scheduler's read side and actors on this node. */
  public Scheduling scheduling() {
    return scheduling;
  }

  /** The operators' notices and their acknowledgements. */
  public OperatorNotifications notifications() {
    return notifications;
  }

  /** The MDM store and event routing this node writes through. */
  public MdmBridge bridge() {
    return bridge;
  }

  /**
   * Starts every part, or none: on failure whatever was started is stopped again.
   *
   * @throws StartupFailure with a one-line message for the operator
   */
  public static HeadEnd start(HeadEndSettings settings) {
    return start(settings, Clock.systemUTC());
  }

  /**
   * @param clock the time meters are compared with and data is stamped with: system time, or in tests
   *              and demos the simulation's clock, which may run faster than real time
   */
  public static HeadEnd start(HeadEndSettings settings, Clock clock) {
    java.util.Map<String, Integer> ports = new java.util.LinkedHashMap<>();
    ports.put("adcs.http.port", settings.http().port());
    ports.put("adcs.cluster.port", settings.cluster().port());
    if (settings.cluster().bootstrap().enabled()) {
      ports.put("adcs.cluster.bootstrap.management-port", settings.cluster().bootstrap().managementPort());
    }
    ports.put("adcs.meter-port.port", settings.meterPort().port());
    PortCheck.ensureDistinct(ports);
    PortCheck.ensureFree("adcs.http.port", settings.http().host(), settings.http().port());
    PortCheck.ensureFree("adcs.cluster.port", settings.cluster().hostname(), settings.cluster().port());
    if (settings.cluster().bootstrap().enabled()) {
      PortCheck.ensureFree("adcs.cluster.bootstrap.management-port", settings.cluster().hostname(),
          settings.cluster().bootstrap().managementPort());
    }
    PortCheck.ensureFree("adcs.meter-port.port", settings.meterPort().host(), settings.meterPort().port());
    MeterCredentials credentials = MeterCredentialsSetting.from(settings.meters());
    JournalRetention.Settings retention = JournalRetention.Settings.from(settings.config());
    OrderingGaps.Settings.from(settings.config()); // checked before anything starts

    EmbeddedCassandra cassandra = null;
    ActorSystem<Void> system = null;
    StoreConnection store = null;
    MeterPort meterPort = null;
    ApiAccess apiAccess = null;
    OperatorNotifications notifications = null;
    try {
      if (settings.cassandra().mode() == CassandraSettings.Mode.EMBEDDED) {
        // The node boots (~10 s) while the journal and the cluster come up.
        cassandra = EmbeddedCassandra.launch(settings.cassandra().embedded());
        cassandra.leaveShutdownToOwner();
      }
      String schemaVersion = JournalSchema.migrate(settings.journal());
      system = createActorSystem(settings);
      ClusterFormation.joinAndAwaitUp(system, settings.cluster());
      // Entities dial listening meters through the meter port, which opens last (below).
      java.util.concurrent.atomic.AtomicReference<MeterDialler> dialler = new java.util.concurrent.atomic.AtomicReference<>(
          MeterDialler.NONE);
      MeterSharding meters = MeterSharding.init(system, settings.meters().clockPolicy(), settings.meters().standardTime(),
          settings.meters().readAttemptTimeout(), meter -> dialler.get().dial(meter));
      if (cassandra != null) {
        cassandra.awaitCql();
      }
      store = StoreConnection.open(settings.cassandra());
      MdmBridge bridge = MdmBridge.start(system, store, settings.journal(), MdmBridge.feedSettle(settings.config()),
          settings.meters().standardTime(), org.adcs.headend.bridge.MasterDataSettings.from(settings.config()));
      Scheduling scheduling = Scheduling.start(system, bridge.store().db(), store.settings().keyspace(), settings.journal(),
          meters, settings.meters().standardTime(), clock);
      // Only what every projection over the journal has delivered may be deleted.
      new JournalRetention(settings.journal(), retention, List.of(ReadingsProjection.NAME, SchedulingProjection.NAME),
          Clock.systemUTC()).start(system);

      Readiness readiness = new Readiness(List.of(
          new CassandraCheck(store),
          new JournalCheck(settings.journal(), schemaVersion, system.dispatchers().lookup(DispatcherSelector.blocking()),
              system),
          new ClusterCheck(system)), Duration.ofSeconds(5));
      ObjectMapper json = new ObjectMapper();
      apiAccess = ApiAccess.start(system, settings.journal(), settings.api(), json, Clock.systemUTC());
      var data = org.adcs.headend.api.data.DataApi.start(system, bridge.store(), store.settings().keyspace(), apiAccess,
          settings.config(), settings.meters().standardTime(), json, Clock.systemUTC());
      notifications = OperatorNotifications.start(settings.journal(), clock);
      scheduling.alerts().forwardTo(notifications);
      var tls = HttpsContext.create(settings.http().tls(), settings.dataDirectory());
      ServerBinding http = HttpApi.bind(system, settings.http(), tls, apiAccess, new HealthRoutes(readiness, json).routes()
          .orElse(new MetricsRoutes().routes())
          .orElse(data.metered(new MeterReadRoutes(meters, json, settings.meters().readAttemptTimeout(),
              settings.meters().standardTime(), notifications, clock).routes())).orElse(data.routes())
          .orElse(new MeterRoutes(meters, scheduling.readGroups(), scheduling.config().settings().window().groupCount(), json,
              Duration.ofSeconds(30), settings.meters().readAttemptTimeout().multipliedBy(2).plusSeconds(30),
              settings.meters().standardTime()).routes())
          .orElse(new SubscriptionRoutes(bridge.subscriptions(), json, Clock.systemUTC()).routes())
          .orElse(StreamRoutes.routes(bridge.events(), bridge.readings(), system, json,
              new SettingReader(settings.config()).duration("adcs.streams.heartbeat")))
          .orElse(new MassReadRoutes(scheduling.actors().massReads(), system.scheduler(), json, clock,
              settings.meters().standardTime(), scheduling.config().settings().window().groupCount()).routes())
          .orElse(new ReportRoutes(reportSources(system, bridge, scheduling, clock, settings), json).routes())
          .orElse(new PickupRoutes(scheduling.actors().troubleDesk(), meters, system.scheduler(), json, clock,
              settings.meters().standardTime()).routes())
          .orElse(Console.routes(scheduling, notifications, json, clock, system))
          .orElse(new OpenApiRoutes(OpenApiDocument.load()).routes())
          .orElse(new org.adcs.headend.api.masterdata.MasterDataRoutes(bridge.masterData(), json,
              system.dispatchers().lookup(DispatcherSelector.blocking()), clock).routes())
          .orElse(org.adcs.headend.api.data.MarketApi.start(system, bridge.store(), store.settings().keyspace(),
              bridge.masterData().store(), settings.config(), settings.meters().standardTime(), json, clock))
          .orElse(org.adcs.headend.api.billing.BillingApi.start(system, bridge.store(), store.settings().keyspace(),
              bridge.masterData().store(), settings.config(), settings.meters().standardTime(), json, clock))
          .orElse(specialReadRoutes(bridge, json, system, clock, settings.meters().standardTime())));
      // Meters last: a meter that dials in finds everything it needs running.
      meterPort = MeterPort.bind(settings.meterPort(), credentials, meters, clock,
          settings.meters().standardTime(), system);
      dialler.set(meterPort);
      meterPort.dialListening(credentials.listening());
      HeadEnd headEnd = new HeadEnd(settings, Optional.ofNullable(cassandra), store, system, http, readiness, meters, meterPort,
          bridge, apiAccess);
      headEnd.notifications = notifications;
      headEnd.scheduling = scheduling;
      return headEnd;
    } catch (StoreUnavailableException e) {
      closeQuietly(notifications);
      closeQuietly(apiAccess);
      stopQuietly(store, system, cassandra);
      throw new StartupFailure(e.getMessage(), e);
    } catch (RuntimeException e) {
      if (meterPort != null) {
        meterPort.close();
      }
      closeQuietly(notifications);
      closeQuietly(apiAccess);
      stopQuietly(store, system, cassandra);
      throw e;
    }
  }

  /** The reports' sources; starts recording this node's uptime minutes, which the service-level report reads. */
  private static ReportSources reportSources(ActorSystem<Void> system, MdmBridge bridge, Scheduling scheduling, Clock clock,
      HeadEndSettings settings) {
    String keyspace = settings.cassandra().keyspace();
    UptimeStore uptime = new UptimeStore(bridge.store().db(), keyspace);
    UptimeRecorder.start(system, uptime, Clock.systemUTC());
    return new ReportSources(scheduling.records(), scheduling.actors().troubleDesk(), system.scheduler(),
        new DeliveryScan(bridge.store().db(), keyspace), uptime, clock, Clock.systemUTC(), settings.meters().standardTime());
  }

  private static ActorSystem<Void> createActorSystem(HeadEndSettings settings) {
    try {
      return ActorSystem.create(Behaviors.empty(), SYSTEM_NAME,
          settings.journal().akkaPersistenceConfig()
              .withFallback(settings.cluster().bootstrap().akkaConfig(settings.cluster().hostname()))
              .withFallback(settings.config()));
    } catch (RuntimeException e) {
      throw new StartupFailure("Cannot start the cluster node on " + settings.cluster().hostname() + ":"
          + settings.cluster().port() + " (" + e.getMessage() + "): check adcs.cluster.hostname and adcs.cluster.port", e);
    }
  }

  public HeadEndSettings settings() {
    return settings;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /** Where meters dial in, and which are connected to this node. */
  public MeterPort meterPort() {
    return meterPort;
  }

  /** The meter entities, wherever in the cluster they live. */
  public MeterSharding meters() {
    return meters;
  }

  public Readiness readiness() {
    return readiness;
  }

  public String httpUrl() {
    return HttpApi.url(http, settings.http().tls().mode() != HttpsContext.Mode.OFF);
  }

  public Optional<EmbeddedCassandra> embeddedCassandra() {
    return cassandra;
  }

  public boolean isClosing() {
    return closing;
  }

  /** Stops HTTP, leaves the cluster, closes the store session, then stops the embedded node. */
  @Override
  public synchronized void close() {
    if (closing) {
      return;
    }
    closing = true;
    log.info("head-end stopping");
    meterPort.close();
    HttpApi.unbind(http, Duration.ofSeconds(5));
    closeQuietly(notifications);
    closeQuietly(apiAccess);
    stopQuietly(store, system, cassandra.orElse(null));
    log.info("head-end stopped");
  }

  private static void closeQuietly(AutoCloseable part) {
    if (part != null) {
      try {
        part.close();
      } catch (Exception e) {
        log.warn("{} did not close cleanly: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private static void stopQuietly(StoreConnection store, ActorSystem<Void> system, EmbeddedCassandra cassandra) {
    if (system != null) {
      try {
        CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason())
            .toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("actor system did not stop cleanly: {}", e.toString());
        system.terminate();
      }
    }
    if (store != null) {
      try {
        store.close();
      } catch (RuntimeException e) {
        log.warn("store session did not close cleanly: {}", e.toString());
      }
    }
    if (cassandra != null) {
      cassandra.close();
    }
  }

  /** Special reads, reposts and usage history (R-MD-2, R-MD-3). */
  private static akka.http.javadsl.server.Route specialReadRoutes(MdmBridge bridge, ObjectMapper json,
      ActorSystem<?> system, Clock clock, java.time.ZoneOffset standardTime) {
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return new org.adcs.headend.api.specialreads.SpecialReadRoutes(bridge.specialReads(), bridge.masterData().store(),
        json, blocking, clock).routes()
        .orElse(new org.adcs.headend.api.usage.UsageRoutes(bridge.specialReads(), bridge.masterData().store(), json,
            blocking, clock, standardTime).routes());
  }
}
