package org.adcs.mdm.routing;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps one {@link WebhookDeliverer} per active subscription, re-reading the subscriptions
 * periodically, and passes the router's wake-ups on. Holds one entry per subscription (a handful of
 * downstream systems), never per meter.
 */
public final class RoutingSupervisor {

  public sealed interface Command permits Refresh, Refreshed, Wake {}

  public record Refresh() implements Command {}

  record Refreshed(List<Subscription> subscriptions) implements Command {}

  /** An entry was queued for {@code subscription} at {@code position}. */
  public record Wake(UUID subscription, OutboxEntry.Position position) implements Command {}

  private RoutingSupervisor() {}

  public static Behavior<Command> create(EventRouter router, OutboxStore outbox, WebhookClient client,
      DeliverySettings settings, Clock clock, Duration refreshInterval) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      Map<UUID, ActorRef<WebhookDeliverer.Command>> deliverers = new HashMap<>();
      timers.startTimerWithFixedDelay(new Refresh(), Duration.ZERO, refreshInterval);
      return Behaviors.receive(Command.class)
          .onMessage(Refresh.class, r -> {
            context.pipeToSelf(router.refresh(), (subs, e) -> {
              if (e != null) {
                context.getLog().warn("could not read subscriptions: {}; keeping the current ones", e.toString());
                return new Refreshed(null);
              }
              return new Refreshed(subs);
            });
            return Behaviors.same();
          })
          .onMessage(Refreshed.class, refreshed -> {
            if (refreshed.subscriptions() == null) {
              return Behaviors.same();
            }
            Map<UUID, Subscription> active = new HashMap<>();
            refreshed.subscriptions().forEach(s -> active.put(s.id(), s));
            deliverers.entrySet().removeIf(entry -> {
              if (!active.containsKey(entry.getKey())) {
                context.getLog().info("subscription {} deleted: its deliveries stop", entry.getKey());
                context.stop(entry.getValue());
                return true;
              }
              return false;
            });
            active.forEach((id, subscription) -> deliverers.computeIfAbsent(id, key -> {
              context.getLog().info("subscription {} ({}) delivers to {}", subscription.name(), id, subscription.webhook());
              return context.spawn(
                  Behaviors.supervise(WebhookDeliverer.create(subscription, outbox, client, settings, clock))
                      .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2)),
                  "deliverer-" + id);
            }));
            return Behaviors.same();
          })
          .onMessage(Wake.class, wake -> {
            ActorRef<WebhookDeliverer.Command> deliverer = deliverers.get(wake.subscription());
            if (deliverer != null) {
              deliverer.tell(new WebhookDeliverer.Queued(wake.position()));
            }
            return Behaviors.same();
          })
          .build();
    }));
  }
}
