package org.adcs.headend.api.security;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.Query;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.adcs.headend.api.Problems;

/**
 * {@code GET /api/v1/audit}: the audit log for operators (R-OPS-1), filtered by who ({@code who=}) and
 * period ({@code from=}, {@code to=}, ISO-8601 instants, the last day by default), in pages of
 * {@code limit} (1-1000, 100 by default); {@code next} is the link to the following page.
 */
final class AuditRoutes extends AllDirectives {

  private static final int MAX_LIMIT = 1000;

  private final AuditLog audit;
  private final ObjectMapper json;
  private final Problems problems;
  private final Blocking blocking;
  private final Clock clock;

  AuditRoutes(AuditLog audit, ObjectMapper json, Problems problems, Blocking blocking, Clock clock) {
    this.audit = audit;
    this.json = json;
    this.problems = problems;
    this.blocking = blocking;
    this.clock = clock;
  }

  Route routes() {
    return path(akka.http.javadsl.server.PathMatchers.segment("api").slash("v1").slash("audit"), () ->
        get(() -> extractUri(uri -> query(uri.query()))));
  }

  private record Filter(Optional<String> who, Instant from, Instant to, int limit, long after) {}

  private Route query(Query query) {
    Filter filter;
    try {
      filter = filter(query);
    } catch (IllegalArgumentException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid audit query", e.getMessage()));
    }
    return blocking.then(() -> audit.query(filter.who(), filter.from(), filter.to(), filter.after(), filter.limit()),
        page -> {
          ObjectNode body = json.createObjectNode();
          ArrayNode entries = body.putArray("entries");
          for (AuditLog.Entry e : page.entries()) {
            AuditLog.Access a = e.access();
            ObjectNode item = entries.addObject().put("id", e.id()).put("at", a.at().toString());
            a.principal().ifPresentOrElse(p -> item.put("who", p), () -> item.putNull("who"));
            a.role().ifPresentOrElse(r -> item.put("role", r.wire()), () -> item.putNull("role"));
            item.put("method", a.method()).put("path", a.path());
            ArrayNode meters = item.putArray("meterIds");
            a.meterIds().forEach(meters::add);
            item.put("status", a.status()).put("responseBytes", a.responseBytes()).put("durationMs", a.durationMs());
          }
          page.next().ifPresent(after -> body.put("next", "/api/v1/audit?" + link(filter, after)));
          return complete(HttpResponse.create().withStatus(StatusCodes.OK)
              .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString())));
        });
  }

  private Filter filter(Query query) {
    Optional<String> who = query.get("who").map(String::strip);
    if (who.isPresent() && !AccessPolicy.NAME.matcher(who.get()).matches()) {
      throw new IllegalArgumentException("who is a principal's name: 1-64 letters, digits or . _ - @");
    }
    Instant to = instant(query, "to").orElseGet(clock::instant);
    Instant from = instant(query, "from").orElse(to.minus(Duration.ofDays(1)));
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    int limit = (int) number(query, "limit", 100, 1, MAX_LIMIT);
    long after = number(query, "after", 0, 0, Long.MAX_VALUE);
    return new Filter(who, from, to, limit, after);
  }

  private static Optional<Instant> instant(Query query, String name) {
    try {
      return query.get(name).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  private static long number(Query query, String name, long fallback, long min, long max) {
    Optional<String> text = query.get(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(name + " is a whole number from " + min + " to " + max);
  }

  private static String link(Filter f, long after) {
    StringBuilder q = new StringBuilder();
    f.who().ifPresent(w -> q.append("who=").append(URLEncoder.encode(w, StandardCharsets.UTF_8)).append('&'));
    q.append("from=").append(f.from()).append("&to=").append(f.to()).append("&limit=").append(f.limit())
        .append("&after=").append(after);
    return q.toString();
  }
}
