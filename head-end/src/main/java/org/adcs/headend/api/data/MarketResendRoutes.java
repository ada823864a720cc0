package org.adcs.headend.api.data;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.AccessPolicy;
import org.adcs.headend.api.security.JsonBodies;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.api.security.Role;
import org.adcs.mdm.market.MarketResends;
import org.adcs.mdm.market.ResendRecord;
import org.adcs.mdm.specialread.Resend;

/**
 * Resends on request (R-VEE-3, R-MD-5) under {@code /api/v1/market/resends}:
 * <ul>
 *   <li>{@code POST}: exactly one of {@code fileName}, {@code transaction}, {@code postingDate} or
 *   {@code period {from, to}}, and the {@code party} (operators and administrators name it; a third
 *   party asks as itself, for its own postings only). The whole billing periods found are put in the
 *   party's mailbox as a resend file (201), or the request is refused with the reason (422).</li>
 *   <li>{@code GET {id}}: the outcome; a third party sees only its own.</li>
 * </ul>
 */
final class MarketResendRoutes extends DataDirectives {

  static final int MAX_BODY = 4 * 1024;
  private static final Set<String> FIELDS = Set.of("party", "fileName", "transaction", "postingDate", "period");
  private static final List<String> KINDS = List.of("fileName", "transaction", "postingDate", "period");
  private static final String BASE = "/api/v1/market/resends";

  private final MarketResends resends;
  private final ObjectMapper json;
  private final JsonBodies bodies;

  MarketResendRoutes(MarketResends resends, ObjectMapper json, Problems problems, Executor blocking) {
    super(problems, blocking);
    this.resends = resends;
    this.json = json;
    this.bodies = new JsonBodies(json, problems, MAX_BODY);
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("market", () -> pathPrefix("resends", () ->
        caller(who -> concat(
            pathEnd(() -> post(() -> bodies.object(FIELDS, body -> checked(() -> request(who, body))))),
            path(PathMatchers.segment(), id -> get(() -> checked(() -> outcome(who, id))))))))));
  }

  private Route request(Principal who, JsonNode body) {
    String party = party(who, body);
    Resend.Request request = parse(body);
    return blocking(() -> resends.resend(party, request, who.name()), record -> {
      HttpResponse response = record.refusal()
          .map(reason -> problem(StatusCodes.UNPROCESSABLE_ENTITY, "Resend refused", reason))
          .orElseGet(() -> HttpResponse.create().withStatus(StatusCodes.CREATED)
              .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, describe(record).toString())));
      return complete(response.addHeader(Location.create(BASE + "/" + record.id())));
    });
  }

  private Route outcome(Principal who, String id) {
    UUID uuid = uuid(id);
    if (uuid == null) {
      throw new InvalidRequest(StatusCodes.NOT_FOUND, "No such resend", "no resend " + clip(id));
    }
    return blocking(() -> resends.outcome(uuid).filter(r -> mayRead(who, r)), found -> found
        .map(r -> complete(HttpResponse.create().withStatus(StatusCodes.OK)
            .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, describe(r).toString()))))
        .orElseGet(() -> complete(problem(StatusCodes.NOT_FOUND, "No such resend", "no resend " + uuid))));
  }

  private static boolean mayRead(Principal who, ResendRecord r) {
    return operator(who) || r.party().equals(who.name());
  }

  private static boolean operator(Principal who) {
    return who.role() == Role.OPERATOR || who.role() == Role.ADMINISTRATOR;
  }

  /** Operators name the party; a third party is the party (naming another is forbidden). */
  private String party(Principal who, JsonNode body) {
    JsonNode named = body.get("party");
    if (named != null && (!named.isTextual() || !AccessPolicy.NAME.matcher(named.asText()).matches())) {
      throw new InvalidRequest("Invalid party", "party is 1-64 letters, digits or . _ - @");
    }
    String party;
    if (operator(who)) {
      if (named == null) {
        throw new InvalidRequest("Invalid party", "party is required: the market party the data is sent to");
      }
      party = named.asText();
    } else {
      if (named != null && !named.asText().equals(who.name())) {
        throw new InvalidRequest(StatusCodes.FORBIDDEN, "Forbidden", who.name()
            + " may ask only for its own postings to be sent again");
      }
      party = who.name();
    }
    if (!resends.knows(party)) {
      throw new InvalidRequest(StatusCodes.NOT_FOUND, "No such party", "no market party " + clip(party)
          + " is configured (adcs.market.parties)");
    }
    return party;
  }

  private static Resend.Request parse(JsonNode body) {
    List<String> given = KINDS.stream().filter(body::has).toList();
    if (given.size() != 1) {
      throw new InvalidRequest("Invalid resend", "give exactly one of " + KINDS + ", found " + given);
    }
    return switch (given.get(0)) {
      case "fileName" -> new Resend.ByFileName(text(body, "fileName"));
      case "transaction" -> new Resend.ByTransaction(text(body, "transaction"));
      case "postingDate" -> new Resend.ByPostingDate(date(body.get("postingDate"), "postingDate"));
      default -> {
        JsonNode period = body.get("period");
        if (!period.isObject() || period.size() != 2 || !period.has("from") || !period.has("to")) {
          throw new InvalidRequest("Invalid period", "period is an object {\"from\": date, \"to\": date} and"
              + " nothing else (from inclusive, to exclusive)");
        }
        yield new Resend.ByPeriod(date(period.get("from"), "period.from"), date(period.get("to"), "period.to"));
      }
    };
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 64) {
      throw new InvalidRequest("Invalid " + field, field + " is a string of 1 to 64 characters");
    }
    return value.asText();
  }

  private static LocalDate date(JsonNode value, String field) {
    if (!value.isTextual()) {
      throw new InvalidRequest("Invalid " + field, field + " must be a date as yyyy-mm-dd");
    }
    try {
      return LocalDate.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest("Invalid " + field, field + " must be a date as yyyy-mm-dd, found "
          + clip(value.asText()));
    }
  }

  private ObjectNode describe(ResendRecord r) {
    ObjectNode body = json.createObjectNode().put("id", r.id().toString()).put("party", r.party())
        .put("requestedBy", r.requestedBy()).put("kind", r.kind()).put("key", r.key())
        .put("createdAt", r.createdAt().toString()).put("status", r.delivered().isPresent() ? "DELIVERED" : "REFUSED");
    r.refusal().ifPresent(reason -> body.put("reason", reason));
    r.delivered().ifPresent(d -> {
      body.put("fileId", d.fileId().toString()).put("fileName", d.fileName()).put("transaction", d.transaction())
          .put("format", d.format().wire()).put("channelDays", d.channelDays());
      ArrayNode periods = body.putArray("periods");
      d.periods().forEach(c -> periods.addObject().put("servicePoint", c.servicePoint())
          .put("from", c.period().from().toString()).put("to", c.period().to().toString()));
    });
    return body;
  }

  private static UUID uuid(String text) {
    try {
      UUID id = UUID.fromString(text);
      return id.version() == 1 && id.toString().equalsIgnoreCase(text) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
