package org.adcs.headend.api.data;

import akka.actor.typed.ActorRef;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.JsonBodies;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.api.security.Role;
import org.adcs.headend.api.security.SecurityStore;
import org.adcs.mdm.mailbox.Extract;
import org.adcs.mdm.mailbox.ExtractStore;
import org.adcs.mdm.query.ReadingQueries;
import org.adcs.mdm.reading.Channel;

/**
 * Bulk extracts (R-DAT-2 a): {@code POST /api/v1/extracts} asks for readings written to the caller's
 * mailbox, once for a period or daily or weekly; {@code GET /api/v1/extracts[/{id}]} shows them with
 * their last run and file, {@code DELETE /api/v1/extracts/{id}} ends one. A third party's extract
 * covers its own meters only (all of them when it names none). A party sees only its own extracts;
 * operators and administrators may name a party.
 */
final class ExtractRoutes extends DataDirectives {

  static final int MAX_BODY = 64 * 1024;

  private final ExtractStore extracts;
  private final SecurityStore principals;
  private final ActorRef<ExtractRunner.Command> runner;
  private final DataSettings limits;
  private final java.time.ZoneOffset meterStandardTime;
  private final JsonBodies bodies;
  private final ObjectMapper json;
  private final Clock clock;

  ExtractRoutes(ExtractStore extracts, SecurityStore principals, ActorRef<ExtractRunner.Command> runner,
      DataSettings limits, java.time.ZoneOffset meterStandardTime, ObjectMapper json, Problems problems,
      Executor blocking, Clock clock) {
    super(problems, blocking);
    this.extracts = extracts;
    this.principals = principals;
    this.runner = runner;
    this.limits = limits;
    this.meterStandardTime = meterStandardTime;
    this.bodies = new JsonBodies(json, problems, MAX_BODY);
    this.json = json;
    this.clock = clock;
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("extracts", () -> caller(who -> concat(
        pathEnd(() -> concat(
            post(() -> bodies.object(Set.of("schedule", "kind", "format", "zone", "channels", "meters", "from", "to"),
                body -> checked(() -> create(who, body)))),
            get(() -> parameterOptional("party", party -> checked(() -> list(owner(who, party))))))),
        path(PathMatchers.segment(), id -> concat(
            get(() -> checked(() -> withOwn(who, id, e -> complete(ok(StatusCodes.OK, describe(e)))))),
            delete(() -> checked(() -> withOwn(who, id, e -> onSuccess(extracts.delete(e.id()),
                done -> complete(HttpResponse.create().withStatus(StatusCodes.NO_CONTENT)))))))))))));
  }

  private Route create(Principal who, JsonNode body) {
    Extract.Schedule schedule = schedule(text(body, "schedule").orElseThrow(() -> new InvalidRequest(
        "Schedule missing", "schedule is once, daily or weekly")));
    ReadingQueries.Kind kind = ReadingRequest.kind(text(body, "kind"));
    ReadingFormat format = ReadingRequest.format(Optional.of(text(body, "format").orElse("csv")), Optional.empty());
    ZoneId zone = ReadingRequest.zone(text(body, "zone"), meterStandardTime);
    List<Channel> channels = ReadingRequest.channels(strings(body, "channels"));
    List<String> named = strings(body, "meters");
    List<String> meters = named.isEmpty() ? List.of() : ReadingRequest.meters(named, limits);
    if (meters.isEmpty() && who.role() != Role.THIRD_PARTY) {
      throw new InvalidRequest("Meters missing", "name the meters: \"meters\": [\"<id>\", ...]");
    }
    Optional<LocalDate> from = text(body, "from").map(t -> ReadingRequest.day("from", t));
    Optional<LocalDate> to = text(body, "to").map(t -> ReadingRequest.day("to", t));
    if (schedule == Extract.Schedule.ONCE) {
      if (from.isEmpty() || to.isEmpty()) {
        throw new InvalidRequest("Period missing", "a one-off extract names its period: \"from\" and \"to\""
            + " (YYYY-MM-DD, to exclusive)");
      }
      ReadingRequest.period(from.get(), to.get(), zone, Math.max(1, meters.size()), limits);
    } else if (from.isPresent() || to.isPresent()) {
      throw new InvalidRequest("Period not allowed", "a periodic extract covers the day (daily) or week (weekly)"
          + " before each run; leave out from and to");
    }
    var now = clock.instant();
    Extract extract = new Extract(UUID.randomUUID(), who.name(), schedule, kind.name().toLowerCase(Locale.ROOT),
        format.wire(), zone.getId(), meters, named(body, channels), from, to, Optional.of(now), now,
        0, Optional.empty(), Optional.empty(), Optional.empty());
    return blocking(() -> who.role() == Role.THIRD_PARTY ? principals.firstForeign(who.name(), meters)
        : Optional.<String>empty(), foreign -> {
      if (foreign.isPresent()) {
        return complete(problem(StatusCodes.FORBIDDEN, "Forbidden", "meter " + foreign.get()
            + " is not among the meters " + who.name() + " is authorised for"));
      }
      return onSuccess(off(extracts.all()), all -> {
        long held = all.stream().filter(e -> e.party().equals(who.name())).count();
        if (held >= limits.extractsPerParty()) {
          return complete(problem(StatusCodes.CONFLICT, "Too many extracts", who.name() + " has " + held
              + " extracts, the most a party may have; delete one first"));
        }
        return onSuccess(extracts.save(extract), saved -> {
          runner.tell(new ExtractRunner.Check());
          return complete(ok(StatusCodes.CREATED, describe(saved))
              .addHeader(Location.create("/api/v1/extracts/" + saved.id())));
        });
      });
    });
  }

  /** The channels as asked for; none named means all, decided when the extract runs. */
  private static List<String> named(JsonNode body, List<Channel> channels) {
    return strings(body, "channels").isEmpty() ? List.of() : channels.stream().map(Channel::name).toList();
  }

  private Route list(String party) {
    return onSuccess(extracts.all(), all -> {
      ObjectNode body = json.createObjectNode().put("party", party);
      var list = body.putArray("extracts");
      all.stream().filter(e -> e.party().equals(party)).sorted(java.util.Comparator.comparing(Extract::createdAt))
          .forEach(e -> list.add(describe(e)));
      return complete(ok(StatusCodes.OK, body));
    });
  }

  /** The extract if the caller may see it: its own, or any for operators and administrators; 404 otherwise. */
  private Route withOwn(Principal who, String id, java.util.function.Function<Extract, Route> inner) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(StatusCodes.NOT_FOUND, "No such extract", "no extract " + id);
    }
    boolean any = who.role() == Role.OPERATOR || who.role() == Role.ADMINISTRATOR;
    return onSuccess(off(extracts.find(uuid)), found -> found.filter(e -> any || e.party().equals(who.name()))
        .map(inner).orElseGet(() -> complete(problem(StatusCodes.NOT_FOUND, "No such extract", "no extract " + uuid
            + " of " + who.name()))));
  }

  ObjectNode describe(Extract e) {
    ObjectNode node = json.createObjectNode().put("id", e.id().toString()).put("party", e.party())
        .put("schedule", e.schedule().name().toLowerCase(Locale.ROOT)).put("kind", e.kind()).put("format", e.format())
        .put("zone", e.zone());
    e.meters().forEach(node.putArray("meters")::add);
    e.channels().forEach(node.putArray("channels")::add);
    e.from().ifPresent(d -> node.put("from", d.toString()));
    e.to().ifPresent(d -> node.put("to", d.toString()));
    e.nextRun().ifPresent(t -> node.put("nextRun", t.toString()));
    node.put("createdAt", e.createdAt().toString()).put("runs", e.runs());
    e.lastRun().ifPresent(t -> node.put("lastRun", t.toString()));
    e.lastFile().ifPresent(f -> node.put("lastFile", f.toString()).put("lastFileHref", "/api/v1/mailbox/" + f));
    e.lastError().ifPresent(m -> node.put("lastError", m));
    return node;
  }

  private HttpResponse ok(StatusCode status, ObjectNode body) {
    return HttpResponse.create().withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
  }

  private static Extract.Schedule schedule(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "once" -> Extract.Schedule.ONCE;
      case "daily" -> Extract.Schedule.DAILY;
      case "weekly" -> Extract.Schedule.WEEKLY;
      default -> throw new InvalidRequest("Unknown schedule", "schedule is once, daily or weekly");
    };
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new InvalidRequest("Invalid " + field, field + " is a string");
    }
    return Optional.of(node.asText());
  }

  private static List<String> strings(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidRequest("Invalid " + field, field + " is an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new InvalidRequest("Invalid " + field, field + " is an array of strings");
      }
      values.add(item.asText());
    }
    return values;
  }
}
