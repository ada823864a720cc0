package org.adcs.headend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.routing.Subscription;

/**
 * The body of {@code POST /api/v1/subscriptions} (R-EV-2), checked field by field so the caller
 * learns exactly what is wrong:
 * <pre>{"name": "outage-management", "eventTypes": ["POWER_OUTAGE"], "readingFeed": false,
 *  "webhook": "https://oms.example/adcs/events"}</pre>
 */
final class SubscriptionRequest {

  static final int MAX_URL_LENGTH = 2000;
  private static final Set<String> FIELDS = Set.of("name", "eventTypes", "readingFeed", "webhook");

  /** A request that cannot become a subscription; the message is the problem's detail. */
  static final class Invalid extends Exception {
    Invalid(String detail) {
      super(detail);
    }
  }

  private SubscriptionRequest() {}

  static Subscription parse(JsonNode body, UUID id, Instant now) throws Invalid {
    if (!(body instanceof ObjectNode object)) {
      throw new Invalid("the body must be a JSON object with name, eventTypes, readingFeed and webhook");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        throw new Invalid("unknown field \"" + field + "\"; expected " + FIELDS.stream().sorted().toList());
      }
    }
    JsonNode name = object.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 100) {
      throw new Invalid("name must be a string of 1-100 characters");
    }
    EnumSet<MeterEventType> types = eventTypes(object.get("eventTypes"));
    JsonNode feed = object.get("readingFeed");
    if (feed != null && !feed.isBoolean()) {
      throw new Invalid("readingFeed must be true or false");
    }
    boolean readingFeed = feed != null && feed.booleanValue();
    if (types.isEmpty() && !readingFeed) {
      throw new Invalid("a subscription needs at least one event type or \"readingFeed\": true");
    }
    return new Subscription(id, name.asText().strip(), types, readingFeed, webhook(object.get("webhook")), true, now);
  }

  private static EnumSet<MeterEventType> eventTypes(JsonNode node) throws Invalid {
    EnumSet<MeterEventType> types = EnumSet.noneOf(MeterEventType.class);
    if (node == null) {
      return types;
    }
    if (!node.isArray()) {
      throw new Invalid("eventTypes must be an array of event type names");
    }
    for (JsonNode type : node) {
      try {
        types.add(MeterEventType.valueOf(type.asText("").toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new Invalid("unknown event type " + type + "; known: " + Arrays.toString(MeterEventType.values()));
      }
    }
    return types;
  }

  /** An absolute http(s) URL with a host, without credentials (they would end up in logs). */
  static URI webhook(JsonNode node) throws Invalid {
    if (node == null || !node.isTextual()) {
      throw new Invalid("webhook must be the subscriber's absolute http or https URL");
    }
    String text = node.asText();
    if (text.length() > MAX_URL_LENGTH) {
      throw new Invalid("webhook URL is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new Invalid("webhook is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new Invalid("webhook must be an absolute http or https URL, found \"" + text + "\"");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Invalid("webhook URL has no host: \"" + text + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Invalid("webhook URL must not carry credentials");
    }
    if (uri.getFragment() != null) {
      throw new Invalid("webhook URL must not have a fragment");
    }
    return uri;
  }
}
