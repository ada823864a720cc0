package org.adcs.mdm.routing;

import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.adcs.mdm.metrics.BridgeMetrics;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Puts each stored event into the outbox of every subscription that wants its type (R-EV-2), and
 * each posted validated day into those of the reading-feed subscriptions (R-COL-2), then wakes
 * those subscriptions' deliverers. Writing an outbox entry is all the ingest waits for: a slow
 * or dead subscriber never holds it back.
 */
public final class EventRouter {

  private final SubscriptionStore subscriptions;
  private final OutboxStore outbox;
  private final Feed events;
  private final Feed readings;
  private final Consumer<OutboxEntry> wake;
  /** The subscription id of feed entries: a feed is not a subscription, and nothing delivers it. */
  private static final java.util.UUID FEED = new java.util.UUID(0L, 0xFEEDL);
  private volatile List<Subscription> current = List.of();

  /**
   * @param wake told of each entry once it is in the outbox: its subscription has work, and where (an
   *             entry queued behind a deliverer's cursor by a slower projection slice must still be sent)
   */
  public EventRouter(SubscriptionStore subscriptions, OutboxStore outbox, Feed events, Feed readings,
      Consumer<OutboxEntry> wake) {
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.events = events;
    this.readings = readings;
    this.wake = wake;
  }

  /** Reloads the subscriptions; call at start and whenever the API changes them. */
  public CompletionStage<List<Subscription>> refresh() {
    return subscriptions.all().thenApply(all -> {
      current = all.stream().filter(Subscription::active).toList();
      return current;
    });
  }

  /** The active subscriptions this node routes to now. */
  public List<Subscription> subscriptions() {
    return current;
  }

  /**
   * Queues the event for every subscription of its type, and in the events {@link Feed} that
   * server-sent-event streams read.
   *
   * @return how many subscriptions the event was queued for
   */
  public CompletionStage<Integer> route(MeterEvent event) {
    List<CompletableFuture<OutboxEntry>> queued = new ArrayList<>();
    CompletableFuture<Void> fed = events.add(Notifications.event(FEED, event)).toCompletableFuture();
    for (Subscription subscription : current) {
      if (subscription.wants(event.type())) {
        queued.add(queue(Notifications.event(subscription.id(), event)));
      }
    }
    return bothDone(fed, queued).whenComplete((count, error) -> {
      if (error == null) {
        BridgeMetrics.ROUTING_LAG.observe(Math.max(0, java.time.Duration.between(event.receivedAt(), Instant.now()).toNanos() / 1e9));
      }
    });
  }

  /**
   * Queues the validated day for every reading-feed subscription, and in the readings {@link Feed}
   * that server-sent-event streams read (R-COL-2).
   *
   * @return how many reading-feed subscriptions the validated day was queued for
   */
  public CompletionStage<Integer> route(ValidatedDay day) {
    List<CompletableFuture<OutboxEntry>> queued = new ArrayList<>();
    CompletableFuture<Void> fed = readings.add(Notifications.reading(FEED, day)).toCompletableFuture();
    for (Subscription subscription : current) {
      if (subscription.active() && subscription.readingFeed()) {
        queued.add(queue(Notifications.reading(subscription.id(), day)));
      }
    }
    return bothDone(fed, queued);
  }

  /** Subscribers are woken as soon as their entries are queued; the feed's write does not delay them. */
  private CompletionStage<Integer> bothDone(CompletableFuture<Void> fed, List<CompletableFuture<OutboxEntry>> queued) {
    return wakeWhenQueued(queued).thenCombine(fed, (count, done) -> count);
  }

  private CompletableFuture<OutboxEntry> queue(OutboxEntry entry) {
    return outbox.add(entry).toCompletableFuture().thenApply(done -> entry);
  }

  private CompletionStage<Integer> wakeWhenQueued(List<CompletableFuture<OutboxEntry>> queued) {
    return CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).thenApply(done -> {
      queued.forEach(q -> wake.accept(q.join()));
      return queued.size();
    });
  }
}
