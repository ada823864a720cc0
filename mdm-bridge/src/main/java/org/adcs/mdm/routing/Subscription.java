package org.adcs.mdm.routing;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.adcs.mdm.reading.MeterEventType;

/**
 * A downstream system's standing order for meter events of some types (R-EV-2: "whom to notify"
 * per event type) and, if {@code readingFeed}, for validated readings as soon as they are posted
 * (R-COL-2, recipients with real-time needs); delivered by webhook, an HTTP POST that the
 * recipient acknowledges with a 2xx.
 */
public record Subscription(UUID id, String name, Set<MeterEventType> eventTypes, boolean readingFeed, URI webhook,
    boolean active, Instant createdAt) {

  public Subscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("subscription name must be 1-100 characters");
    }
    if (eventTypes == null || eventTypes.isEmpty() && !readingFeed) {
      throw new IllegalArgumentException("a subscription needs at least one event type or the reading feed");
    }
    eventTypes = Set.copyOf(eventTypes);
    Objects.requireNonNull(webhook, "webhook");
    String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || webhook.getHost() == null) {
      throw new IllegalArgumentException("webhook must be an absolute http(s) URL, found " + webhook);
    }
  }

  public boolean wants(MeterEventType type) {
    return active && eventTypes.contains(type);
  }
}
