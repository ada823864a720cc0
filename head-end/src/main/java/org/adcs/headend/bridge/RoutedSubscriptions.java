package org.adcs.headend.bridge;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.Props;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.pubsub.Topic;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.api.SubscriptionRegistry;
import org.adcs.headend.serialization.CborSerializable;
import org.adcs.mdm.routing.EventRouter;
import org.adcs.mdm.routing.RoutingSupervisor;
import org.adcs.mdm.routing.Subscription;
import org.adcs.mdm.routing.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions kept in the MDM store (R-EV-2), with each change applied to this node's router before
 * the API answers, and announced on a cluster pub-sub topic so every other node's router reloads
 * within milliseconds. Pub-sub was chosen over a shorter poll: a change is rare, and a poll short
 * enough to feel immediate would read the table on every node all the time. The topic delivers at
 * most once (a node joining at that moment may not be subscribed yet), so {@link MdmBridge}'s slow
 * poll remains as the bound on how late any node can be.
 */
public final class RoutedSubscriptions implements SubscriptionRegistry {

  private static final Logger log = LoggerFactory.getLogger(RoutedSubscriptions.class);

  /** Published to every node when a subscription is created or deleted. */
  public record Changed(UUID subscription) implements CborSerializable {}

  private final SubscriptionStore store;
  private final EventRouter router;
  private final ActorRef<RoutingSupervisor.Command> deliveries;
  private final ActorRef<Topic.Command<Changed>> topic;

  private RoutedSubscriptions(SubscriptionStore store, EventRouter router,
      ActorRef<RoutingSupervisor.Command> deliveries, ActorRef<Topic.Command<Changed>> topic) {
    this.store = store;
    this.router = router;
    this.deliveries = deliveries;
    this.topic = topic;
  }

  static RoutedSubscriptions start(ActorSystem<?> system, SubscriptionStore store, EventRouter router,
      ActorRef<RoutingSupervisor.Command> deliveries) {
    ActorRef<Topic.Command<Changed>> topic = system.systemActorOf(Topic.create(Changed.class, "subscription-changes"),
        "subscription-changes-topic", Props.empty());
    ActorRef<Changed> listener = system.systemActorOf(listener(router), "subscription-changes", Props.empty());
    topic.tell(Topic.subscribe(listener));
    return new RoutedSubscriptions(store, router, deliveries, topic);
  }

  /** Another node changed a subscription: reload this node's router. */
  private static Behavior<Changed> listener(EventRouter router) {
    return Behaviors.receive(Changed.class)
        .onMessage(Changed.class, changed -> {
          router.refresh().whenComplete((subs, e) -> {
            if (e != null) {
              log.warn("subscription {} changed but the subscriptions could not be re-read ({}); the next poll"
                  + " tries again", changed.subscription(), e.toString());
            }
          });
          return Behaviors.same();
        })
        .build();
  }

  @Override
  public CompletionStage<Subscription> create(Subscription subscription) {
    return store.save(subscription).thenCompose(saved -> applied(saved.id()).thenApply(done -> {
      log.info("subscription {} ({}) created: {}{} to {}", saved.name(), saved.id(), saved.eventTypes(),
          saved.readingFeed() ? " and the reading feed" : "", saved.webhook());
      return saved;
    }));
  }

  @Override
  public CompletionStage<List<Subscription>> active() {
    return store.all().thenApply(all -> all.stream().filter(Subscription::active)
        .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id)).toList());
  }

  @Override
  public CompletionStage<Optional<Subscription>> find(UUID id) {
    return store.find(id).thenApply(found -> found.filter(Subscription::active));
  }

  @Override
  public CompletionStage<Boolean> delete(UUID id) {
    return find(id).thenCompose(found -> {
      if (found.isEmpty()) {
        return CompletableFuture.completedFuture(false);
      }
      return store.deactivate(id).thenCompose(done -> applied(id)).thenApply(done -> {
        log.info("subscription {} ({}) deleted", found.get().name(), id);
        return true;
      });
    });
  }

  /** This node's router has the change when the stage completes; the rest of the cluster is told. */
  private CompletionStage<Void> applied(UUID id) {
    deliveries.tell(new RoutingSupervisor.Refresh());
    topic.tell(Topic.publish(new Changed(id)));
    return router.refresh().thenApply(subs -> null);
  }
}
