package org.adcs.headend.api.billing;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.ApiSecurity;
import org.adcs.headend.api.security.JsonBodies;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.api.security.Role;
import org.adcs.mdm.billing.BillingCycle;
import org.adcs.mdm.billing.BillingService;
import org.adcs.mdm.billing.BqCodec;
import org.adcs.mdm.billing.BqRequest;
import org.adcs.mdm.billing.BqResponse;
import org.adcs.mdm.billing.Framing;

/**
 * Billing quantities (R-MD-4, R-DAT-3):
 * <ul>
 *   <li>{@code POST /api/v1/billing-quantities}: pull a response on or off cycle; a third party asks as
 *       itself, a downstream system names the billing agent it asks for. Where no quantity may be
 *       given the response says so part by part (200 all the same).</li>
 *   <li>{@code GET /api/v1/billing-quantities/{requestId}?asOf=}: a stored response, as it was at a
 *       version time; a third party sees only its own.</li>
 *   <li>{@code PUT|GET /api/v1/billing-cycles/{cycle}}: a billing cycle whose day of month pushes its
 *       service points' responses into the billing agent's mailbox.</li>
 *   <li>{@code POST /api/v1/billing-cycles/{cycle}/runs?date=}: run a cycle now (for a given run date).</li>
 * </ul>
 */
public final class BillingRoutes extends AllDirectives {

  /** A cycle of 10,000 service points is some 700 KiB. */
  static final int MAX_BODY = 1024 * 1024;
  private static final Set<String> REQUEST_FIELDS = Set.of("requestId", "sdpId", "billingAgent", "periodStart",
      "periodEnd", "framing", "framingChanges", "channel", "registerChannel");
  private static final Set<String> CYCLE_FIELDS = Set.of("dayOfMonth", "billingAgent", "servicePoints", "framing");

  private final BillingService billing;
  private final Problems problems;
  private final JsonBodies bodies;
  private final Executor blocking;
  private final ZoneId zone;
  private final Clock clock;

  BillingRoutes(BillingService billing, com.fasterxml.jackson.databind.ObjectMapper json, Executor blocking,
      ZoneId zone, Clock clock) {
    this.billing = billing;
    this.problems = new Problems(json);
    this.bodies = new JsonBodies(json, problems, MAX_BODY);
    this.blocking = blocking;
    this.zone = zone;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> caller(who -> concat(
        path("billing-quantities", () -> post(() -> bodies.object(REQUEST_FIELDS, body -> checked(() -> pull(who,
            body))))),
        path(PathMatchers.segment("billing-quantities").slash(PathMatchers.segment()), id -> get(() ->
            parameterOptional("asOf", asOf -> checked(() -> stored(who, id, asOf))))),
        path(PathMatchers.segment("billing-cycles").slash(PathMatchers.segment()), name -> concat(
            put(() -> bodies.object(CYCLE_FIELDS, body -> checked(() -> putCycle(who, name, body)))),
            get(() -> checked(() -> getCycle(who, name))))),
        path(PathMatchers.segment("billing-cycles").slash(PathMatchers.segment()).slash("runs"), name -> post(() ->
            parameterOptional("date", date -> checked(() -> run(name, date)))))))));
  }

  private Route pull(Principal who, JsonNode body) {
    String agent = requester(who, text(body, "billingAgent", false));
    Instant from = instant(body, "periodStart");
    Instant to = instant(body, "periodEnd");
    List<BqRequest.FramingChange> framings = new ArrayList<>();
    framings.add(new BqRequest.FramingChange(from, framing(text(body, "framing", true).orElseThrow())));
    JsonNode changes = body.path("framingChanges");
    if (!changes.isMissingNode() && !changes.isNull()) {
      if (!changes.isArray() || changes.size() > 100) {
        throw new Invalid("framingChanges must be a list of at most 100 {from, framing} objects");
      }
      for (JsonNode change : changes) {
        framings.add(new BqRequest.FramingChange(instant(change, "from"),
            framing(text(change, "framing", true).orElseThrow())));
      }
    }
    BqRequest request;
    try {
      request = new BqRequest(text(body, "requestId", true).orElseThrow(), text(body, "sdpId", true).orElseThrow(),
          agent, from, to, framings, text(body, "channel", false), text(body, "registerChannel", false));
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
    return blockingly(() -> billing.request(request), r -> complete(ok(BqCodec.fields(r))));
  }

  private Route stored(Principal who, String requestId, Optional<String> asOfText) {
    Optional<Instant> asOf = asOfText.map(t -> parseInstant("asOf", t));
    return blockingly(() -> billing.response(requestId, asOf).filter(r -> visible(who, r.requester())), found ->
        found.map(r -> complete(ok(BqCodec.fields(r)))).orElseGet(() -> complete(problems.of(StatusCodes.NOT_FOUND,
            "No such response", "no billing quantity response " + requestId + asOf.map(a -> " as of " + a)
                .orElse("")))));
  }

  private Route putCycle(Principal who, String name, JsonNode body) {
    JsonNode day = body.path("dayOfMonth");
    if (!day.isInt()) {
      throw new Invalid("dayOfMonth must be a whole number from 1 to 28");
    }
    String agent = requester(who, text(body, "billingAgent", false));
    JsonNode points = body.path("servicePoints");
    if (!points.isArray()) {
      throw new Invalid("servicePoints must be a list of service point ids");
    }
    List<String> sdps = new ArrayList<>();
    for (JsonNode p : points) {
      if (!p.isTextual()) {
        throw new Invalid("servicePoints must be a list of service point ids");
      }
      sdps.add(p.asText());
    }
    Framing framing = framing(text(body, "framing", true).orElseThrow());
    BillingCycle fresh;
    try {
      fresh = new BillingCycle(name, day.asInt(), agent, sdps, framing, Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
    return blockingly(() -> {
      Optional<BillingCycle> existing = billing.cycle(name);
      if (existing.isPresent() && !visible(who, existing.get().billingAgent())) {
        return Optional.<BillingCycle>empty();
      }
      BillingCycle cycle = new BillingCycle(name, fresh.dayOfMonth(), agent, sdps, framing,
          existing.flatMap(BillingCycle::lastRun));
      billing.saveCycle(cycle);
      return Optional.of(cycle);
    }, saved -> saved.map(c -> complete(ok(cycle(c)))).orElseGet(() -> complete(problems.of(StatusCodes.FORBIDDEN,
        "Forbidden", "cycle " + name + " belongs to another billing agent"))));
  }

  private Route getCycle(Principal who, String name) {
    return blockingly(() -> billing.cycle(name).filter(c -> visible(who, c.billingAgent())), found -> found
        .map(c -> complete(ok(cycle(c))))
        .orElseGet(() -> complete(problems.of(StatusCodes.NOT_FOUND, "No such cycle", "no billing cycle " + name))));
  }

  private Route run(String name, Optional<String> dateText) {
    LocalDate date;
    try {
      date = dateText.map(LocalDate::parse).orElseGet(() -> clock.instant().atZone(zone).toLocalDate());
    } catch (DateTimeException e) {
      throw new Invalid("date must be a date as YYYY-MM-DD");
    }
    return blockingly(() -> billing.cycle(name).map(c -> billing.run(c, date)), found -> found.map(run -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("cycle", run.cycle());
      m.put("runDate", run.runDate().toString());
      m.put("periodStart", run.from().toString());
      m.put("periodEnd", run.to().toString());
      m.put("responses", run.responses());
      m.put("complete", run.complete());
      m.put("mailboxFile", Map.of("id", run.file().id().toString(), "name", run.file().name(), "party",
          run.file().party(), "size", run.file().size()));
      return complete(ok(m));
    }).orElseGet(() -> complete(problems.of(StatusCodes.NOT_FOUND, "No such cycle", "no billing cycle " + name))));
  }

  private static Map<String, Object> cycle(BillingCycle c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cycle", c.name());
    m.put("dayOfMonth", c.dayOfMonth());
    m.put("billingAgent", c.billingAgent());
    m.put("servicePoints", c.servicePoints());
    m.put("framing", c.framing().wireName());
    m.put("lastRun", c.lastRun().map(LocalDate::toString).orElse(null));
    return m;
  }

  /** Who asks: a third party always as itself; a downstream system names the billing agent. */
  private static String requester(Principal who, Optional<String> named) {
    if (who.role() == Role.THIRD_PARTY) {
      if (named.isPresent() && !named.get().equals(who.name())) {
        throw new Invalid(StatusCodes.FORBIDDEN, "Forbidden", who.name() + " may ask only as itself, not as "
            + named.get());
      }
      return who.name();
    }
    return named.orElseThrow(() -> new Invalid("billingAgent is required: the party the quantities are for"));
  }

  /** A third party sees only what is its own. */
  private static boolean visible(Principal who, String billingAgent) {
    return who.role() != Role.THIRD_PARTY || who.name().equals(billingAgent);
  }

  private static Framing framing(String text) {
    try {
      return Framing.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
  }

  private static Optional<String> text(JsonNode body, String field, boolean required) {
    JsonNode node = body.path(field);
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        throw new Invalid(field + " is required");
      }
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new Invalid(field + " must be a string");
    }
    return Optional.of(node.asText());
  }

  private static Instant instant(JsonNode body, String field) {
    return parseInstant(field, text(body, field, true).orElseThrow());
  }

  private static Instant parseInstant(String field, String text) {
    try {
      Instant at = Instant.parse(text);
      if (at.getEpochSecond() < 0 || at.isAfter(Instant.parse("9999-01-01T00:00:00Z"))) {
        throw new Invalid(field + " must be between 1970 and 9999");
      }
      return at;
    } catch (DateTimeException e) {
      throw new Invalid(field + " must be an ISO-8601 instant such as 2024-03-01T05:00:00Z");
    }
  }

  private Route caller(Function<Principal, Route> inner) {
    return extractRequest(request -> request.getAttribute(ApiSecurity.PRINCIPAL).map(inner)
        .orElseGet(() -> complete(problems.of(StatusCodes.UNAUTHORIZED, "Authentication required",
            "send an API or session token as Authorization: Bearer <token>"))));
  }

  private Route checked(Supplier<Route> inner) {
    try {
      return inner.get();
    } catch (Invalid e) {
      return complete(problems.of(e.status, e.title, e.getMessage()));
    }
  }

  private <T> Route blockingly(Supplier<T> work, Function<T, Route> inner) {
    return onSuccess(CompletableFuture.supplyAsync(work, blocking), inner);
  }

  private static HttpResponse ok(Object body) {
    return HttpResponse.create().withStatus(StatusCodes.OK)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, BqCodec.json(body)));
  }

  /** Refused input: 400 unless said otherwise. */
  private static final class Invalid extends RuntimeException {
    final StatusCode status;
    final String title;

    Invalid(String detail) {
      this(StatusCodes.BAD_REQUEST, "Invalid billing request", detail);
    }

    Invalid(StatusCode status, String title, String detail) {
      super(detail);
      this.status = status;
      this.title = title;
    }
  }
}
