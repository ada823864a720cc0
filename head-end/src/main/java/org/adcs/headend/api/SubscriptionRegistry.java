package org.adcs.headend.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.routing.Subscription;

/** What the subscription routes need (R-EV-2): durable subscriptions whose changes reach the routers. */
public interface SubscriptionRegistry {

  /** Stores the subscription; routing on this node uses it once the stage completes. */
  CompletionStage<Subscription> create(Subscription subscription);

  /** Subscriptions not deleted, oldest first. */
  CompletionStage<List<Subscription>> active();

  /** A subscription that has not been deleted. */
  CompletionStage<Optional<Subscription>> find(UUID id);

  /** @return false if there was no such subscription, or it was deleted before */
  CompletionStage<Boolean> delete(UUID id);
}
