package org.adcs.headend.api;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.routing.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downstream systems' subscriptions (R-EV-2 "whom to notify" per event type; R-COL-2 the reading
 * feed), delivered by webhook:
 * <ul>
 *   <li>{@code POST /api/v1/subscriptions}: create; 201 with its {@code Location}</li>
 *   <li>{@code GET /api/v1/subscriptions}: the active ones</li>
 *   <li>{@code GET /api/v1/subscriptions/{id}}, {@code DELETE /api/v1/subscriptions/{id}} (204)</li>
 * </ul>
 * Errors are RFC 7807 problem JSON: 400 for a body or id that is not valid, 413 over
 * {@value #MAX_BODY_BYTES} bytes, 415 for a body that is not JSON, 404 for an unknown subscription.
 */
public final class SubscriptionRoutes extends JsonBodyRoutes {

  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final Logger log = LoggerFactory.getLogger(SubscriptionRoutes.class);

  private final SubscriptionRegistry registry;
  private final Clock clock;

  public SubscriptionRoutes(SubscriptionRegistry registry, ObjectMapper json, Clock clock) {
    super(json);
    this.registry = registry;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("subscriptions", () -> concat(
        pathEndOrSingleSlash(() -> concat(
            post(this::create),
            get(this::list),
            complete(problems.of(StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed",
                "use GET to list subscriptions or POST to create one")))),
        path(PathMatchers.segment(), id -> concat(
            get(() -> withId(id, this::show)),
            delete(() -> withId(id, this::remove)),
            complete(problems.of(StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed",
                "use GET or DELETE on a subscription"))))))));
  }

  private Route create() {
    return jsonBody(MAX_BODY_BYTES, "a subscription", this::create);
  }

  private Route create(JsonNode tree) {
    Subscription subscription;
    try {
      subscription = SubscriptionRequest.parse(tree, UUID.randomUUID(), clock.instant());
    } catch (SubscriptionRequest.Invalid e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid subscription", e.getMessage()));
    }
    return onComplete(registry.create(subscription), saved -> {
      if (saved.isFailure()) {
        return unavailable("create", saved.failed().get());
      }
      return complete(HttpResponse.create().withStatus(StatusCodes.CREATED)
          .addHeader(Location.create("/api/v1/subscriptions/" + saved.get().id()))
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, document(saved.get()).toString())));
    });
  }

  private Route list() {
    return onComplete(registry.active(), all -> {
      if (all.isFailure()) {
        return unavailable("list", all.failed().get());
      }
      ObjectNode body = json.createObjectNode();
      ArrayNode items = body.putArray("subscriptions");
      all.get().forEach(s -> items.add(document(s)));
      return ok(body);
    });
  }

  private Route show(UUID id) {
    return onComplete(registry.find(id), found -> {
      if (found.isFailure()) {
        return unavailable("read", found.failed().get());
      }
      return found.get().map(s -> ok(document(s))).orElseGet(() -> notFound(id));
    });
  }

  private Route remove(UUID id) {
    return onComplete(registry.delete(id), deleted -> {
      if (deleted.isFailure()) {
        return unavailable("delete", deleted.failed().get());
      }
      return deleted.get() ? complete(StatusCodes.NO_CONTENT) : notFound(id);
    });
  }

  private Route withId(String text, java.util.function.Function<UUID, Route> inner) {
    Optional<UUID> id = parseId(text);
    return id.map(inner).orElseGet(() -> complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid subscription id",
        "a subscription id is a UUID such as 3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f")));
  }

  static Optional<UUID> parseId(String text) {
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private ObjectNode document(Subscription s) {
    ObjectNode node = json.createObjectNode();
    node.put("id", s.id().toString());
    node.put("name", s.name());
    ArrayNode types = node.putArray("eventTypes");
    s.eventTypes().stream().map(Enum::name).sorted().forEach(types::add);
    node.put("readingFeed", s.readingFeed());
    node.put("webhook", s.webhook().toString());
    node.put("createdAt", s.createdAt().toString());
    return node;
  }

  private Route ok(ObjectNode body) {
    return json(StatusCodes.OK, body);
  }

  private Route notFound(UUID id) {
    return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown subscription",
        "there is no active subscription " + id));
  }

  private Route unavailable(String what, Throwable e) {
    log.warn("could not {} subscriptions: {}", what, rootCause(e).toString());
    StatusCode status = StatusCodes.SERVICE_UNAVAILABLE;
    return complete(problems.of(status, "Subscriptions unavailable",
        "the subscription store did not answer (" + rootCause(e).getMessage() + "); try again"));
  }
}
