package org.adcs.headend.api.specialreads;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.JsonBodies;
import org.adcs.headend.bridge.MdmBridge;
import org.adcs.mdm.masterdata.MasterDataStore;
import org.adcs.mdm.specialread.Repost;
import org.adcs.mdm.specialread.SpecialRead;
import org.adcs.mdm.specialread.SpecialReadRules;
import org.adcs.mdm.specialread.SpecialReadStore;

/**
 * Special reads (R-MD-2) under {@code /api/v1/special-reads}:
 * <ul>
 *   <li>{@code POST}: a special read, checked against the point's master data and earlier special
 *       reads by its kind's rules; 201 with the stored read, 422 listing every rule it breaks.</li>
 *   <li>{@code GET ?sdpId=&from=&to=&limit=}: the point's special reads, oldest first.</li>
 *   <li>{@code GET reposts?sdpId=&limit=}: the reposts made after the point's service dates changed,
 *       newest first, with their adjusted opening reads (R-VEE-3).</li>
 * </ul>
 */
public final class SpecialReadRoutes extends AllDirectives {

  static final int MAX_BODY = 16 * 1024;
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  /** Earlier reads a new one is checked against: enough for years of a point's special reads. */
  static final int HISTORY = 10_000;
  /** The latest instant a stored read time can have (a Cassandra timestamp's range is narrower than Instant's). */
  static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

  private final MdmBridge.SpecialReads specialReads;
  private final MasterDataStore masterData;
  private final ObjectMapper json;
  private final Problems problems;
  private final JsonBodies bodies;
  private final Executor blocking;
  private final Clock clock;

  public SpecialReadRoutes(MdmBridge.SpecialReads specialReads, MasterDataStore masterData, ObjectMapper json,
      Executor blocking, Clock clock) {
    this.specialReads = specialReads;
    this.masterData = masterData;
    this.json = json;
    this.problems = new Problems(json);
    this.bodies = new JsonBodies(json, problems, MAX_BODY);
    this.blocking = blocking;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("special-reads", () -> concat(
        pathEndOrSingleSlash(() -> concat(
            post(() -> bodies.object(SpecialReadBody.FIELDS, body -> {
              SpecialRead read;
              try {
                read = SpecialReadBody.parse(body, clock.instant());
              } catch (SpecialReadBody.Invalid | IllegalArgumentException e) {
                return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid special read", e.getMessage()));
              }
              return submit(read);
            })),
            get(() -> parameterOptional("sdpId", sdp -> parameterOptional("from", from -> parameterOptional("to",
                to -> parameterOptional("limit", limit -> list(sdp, from, to, limit)))))))),
        path("reposts", () -> get(() -> parameterOptional("sdpId", sdp -> parameterOptional("limit",
            limit -> reposts(sdp, limit)))))))));
  }

  private Route submit(SpecialRead read) {
    CompletionStage<Object> outcome = CompletableFuture.supplyAsync(() -> masterData.timeline(read.sdpId()), blocking)
        .thenCompose(timeline -> specialReads.store().reads(read.sdpId(), Instant.EPOCH, END_OF_TIME, HISTORY)
            .thenCompose(earlier -> {
              List<String> broken = SpecialReadRules.check(read, timeline, earlier, clock.instant());
              if (!broken.isEmpty()) {
                return CompletableFuture.completedFuture((Object) broken);
              }
              return specialReads.store().save(read).thenApply(saved -> (Object) saved);
            }));
    return onSuccess(outcome, result -> {
      if (result instanceof SpecialRead saved) {
        return complete(ok(StatusCodes.CREATED, SpecialReadBody.describe(saved)));
      }
      @SuppressWarnings("unchecked")
      List<String> broken = (List<String>) result;
      return complete(problems.of(StatusCodes.UNPROCESSABLE_ENTITY, "Special read refused",
          String.join("; ", broken)));
    });
  }

  private Route list(Optional<String> sdp, Optional<String> fromText, Optional<String> toText,
      Optional<String> limitText) {
    if (sdp.isEmpty() || sdp.get().isBlank() || sdp.get().length() > 64) {
      return badRequest("Invalid service point", "sdpId must name a service point (1 to 64 characters)");
    }
    Instant from;
    Instant to;
    try {
      from = fromText.map(Instant::parse).orElse(Instant.EPOCH);
      to = toText.map(Instant::parse).orElse(END_OF_TIME);
    } catch (DateTimeParseException e) {
      return badRequest("Invalid instant", "from and to must be ISO-8601 instants such as 2026-03-01T00:00:00Z");
    }
    if (!to.isAfter(from)) {
      return badRequest("Invalid period", "to must be after from");
    }
    Optional<Integer> limit = limit(limitText);
    if (limit.isEmpty()) {
      return badRequest("Invalid limit", "limit must be 1 to " + MAX_LIMIT);
    }
    return onSuccess(specialReads.store().reads(sdp.get(), from, to, limit.get()), reads -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sdpId", sdp.get());
      body.put("count", reads.size());
      body.put("reads", reads.stream().map(SpecialReadBody::describe).toList());
      return complete(ok(StatusCodes.OK, body));
    });
  }

  private Route reposts(Optional<String> sdp, Optional<String> limitText) {
    if (sdp.isEmpty() || sdp.get().isBlank() || sdp.get().length() > 64) {
      return badRequest("Invalid service point", "sdpId must name a service point (1 to 64 characters)");
    }
    Optional<Integer> limit = limit(limitText);
    if (limit.isEmpty()) {
      return badRequest("Invalid limit", "limit must be 1 to " + MAX_LIMIT);
    }
    return onSuccess(specialReads.store().reposts(sdp.get(), limit.get()), records -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("sdpId", sdp.get());
      body.put("count", records.size());
      body.put("reposts", records.stream().map(SpecialReadRoutes::repost).toList());
      return complete(ok(StatusCodes.OK, body));
    });
  }

  private static Map<String, Object> repost(SpecialReadStore.RepostRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().toString());
    m.put("reason", r.reason().wireName());
    m.put("wasStart", r.was().start().toString());
    m.put("wasStop", r.was().stop().map(Object::toString).orElse(null));
    m.put("nowStart", r.now().start().toString());
    m.put("nowStop", r.now().stop().map(Object::toString).orElse(null));
    m.put("openingRead", r.opening().map(SpecialReadRoutes::opening).orElse(null));
    m.put("repostedDays", r.reposted().stream().map(Object::toString).toList());
    m.put("withdrawnDays", r.withdrawn().stream().map(Object::toString).toList());
    m.put("unestimableDays", r.unestimable().stream().map(Object::toString).toList());
    return m;
  }

  private static Map<String, Object> opening(Repost.OpeningRead o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("day", o.day().toString());
    m.put("value", o.value());
    m.put("adjusted", o.adjusted());
    m.put("estimated", o.estimated());
    m.put("reason", o.reason().wireName());
    return m;
  }

  private static Optional<Integer> limit(Optional<String> text) {
    try {
      int limit = text.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
      return limit < 1 || limit > MAX_LIMIT ? Optional.empty() : Optional.of(limit);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Route badRequest(String title, String detail) {
    return complete(problems.of(StatusCodes.BAD_REQUEST, title, detail));
  }

  private HttpResponse ok(StatusCode status, Object body) {
    try {
      return HttpResponse.create().withStatus(status)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, json.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always write as JSON", e);
    }
  }
}
