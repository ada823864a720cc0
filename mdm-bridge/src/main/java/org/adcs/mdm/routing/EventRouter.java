package org.adcs.mdm.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.adcs.mdm.reading.MeterEvent;

/**
 * Puts each stored event into the outbox of every subscription that wants its type (R-EV-2), then
 * wakes those subscriptions' deliverers. Writing an outbox entry is all the ingest waits for: a slow
 * or dead subscriber never holds it back.
 */
public final class EventRouter {

  private final SubscriptionStore subscriptions;
  private final OutboxStore outbox;
  private final Consumer<UUID> wake;
  private volatile List<Subscription> current = List.of();

  /** @param wake told the id of a subscription that has new entries */
  public EventRouter(SubscriptionStore subscriptions, OutboxStore outbox, Consumer<UUID> wake) {
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.wake = wake;
  }

  /** Reloads the subscriptions; call at start and whenever the API changes them. */
  public CompletionStage<List<Subscription>> refresh() {
    return subscriptions.all().thenApply(all -> {
      current = all.stream().filter(Subscription::active).toList();
      return current;
    });
  }

  /** @return how many subscriptions the event was queued for */
  public CompletionStage<Integer> route(MeterEvent event) {
    List<CompletableFuture<UUID>> queued = new ArrayList<>();
    for (Subscription subscription : current) {
      if (subscription.wants(event.type())) {
        queued.add(outbox.add(OutboxEntry.of(subscription.id(), event)).toCompletableFuture()
            .thenApply(done -> subscription.id()));
      }
    }
    return CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).thenApply(done -> {
      queued.forEach(q -> wake.accept(q.join()));
      return queued.size();
    });
  }
}
