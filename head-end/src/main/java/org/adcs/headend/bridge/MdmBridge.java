package org.adcs.headend.bridge;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.adcs.headend.journal.JournalSettings;
import org.adcs.mdm.bridge.ReadingPosting;
import org.adcs.mdm.routing.DeliverySettings;
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

  private final MdmStore store;
  private final EventRouter router;

  private MdmBridge(MdmStore store, EventRouter router) {
    this.store = store;
    this.router = router;
  }

  public static MdmBridge start(ActorSystem<?> system, StoreConnection connection, JournalSettings journal) {
    MdmStore store = MdmStore.open(connection, MAX_IN_FLIGHT, StoreSchema.DEFAULT_RETENTION);
    String keyspace = connection.settings().keyspace();
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    SubscriptionStore subscriptions = new SubscriptionStore(store.db(), keyspace);
    OutboxStore outbox = new OutboxStore(store.db(), keyspace);

    java.util.concurrent.atomic.AtomicReference<ActorRef<RoutingSupervisor.Command>> deliveries =
        new java.util.concurrent.atomic.AtomicReference<>();
    EventRouter router = new EventRouter(subscriptions, outbox, id -> {
      ActorRef<RoutingSupervisor.Command> supervisor = deliveries.get();
      if (supervisor != null) {
        supervisor.tell(new RoutingSupervisor.Wake(id));
      }
    });
    deliveries.set(ClusterSingleton.get(system).init(SingletonActor.of(RoutingSupervisor.create(router, outbox,
        new WebhookClient(Duration.ofSeconds(10)), DeliverySettings.defaults(), Clock.systemUTC(), Duration.ofSeconds(30)),
        "event-routing")));
    // Every node routes what it posts, so every node keeps its own view of the subscriptions.
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, Duration.ofSeconds(30), router::refresh,
        system.executionContext());

    ReadingPosting posting = new ReadingPosting(store.intervals(), store.registers(), store.events(),
        store.completeness(), new VeeEngine(VeeSettings.defaults()), 4, blocking, router);
    ReadingsProjection.init(system, posting, new ProjectionOffsets(journal, blocking, Clock.systemUTC()), VeeLevel.FULL);
    return new MdmBridge(store, router);
  }

  public MdmStore store() {
    return store;
  }

  public EventRouter router() {
    return router;
  }
}
