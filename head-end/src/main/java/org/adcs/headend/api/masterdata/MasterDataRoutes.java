package org.adcs.headend.api.masterdata;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.scaladsl.model.EntityStreamSizeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.adcs.headend.api.Problems;
import org.adcs.headend.bridge.MdmBridge;
import org.adcs.mdm.masterdata.MasterDataCodec;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.RejectedReading;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.masterdata.SyncInput;
import org.adcs.mdm.masterdata.SyncRecord;
import org.adcs.mdm.masterdata.SyncReport;
import org.adcs.mdm.masterdata.SyncSet;

/**
 * Master data (R-MD-1) under {@code /api/v1/master-data}:
 * <ul>
 *   <li>{@code POST syncs}: a sync set as a JSON document ({@code source, sequence, kind, effectiveAt,
 *       records}) or a CSV file ({@code text/csv}, the set's own fields as query parameters); answers
 *       with its report: 201 applied, 202 held for the sets before it, 200 a duplicate of an earlier
 *       set, 409 rejected (problem naming the report), 400 when the set cannot be read.</li>
 *   <li>{@code GET syncs/{id}}: a set's report.</li>
 *   <li>{@code GET service-points/{id}?at=}: a point's relationships at an instant (now by default)
 *       and over time.</li>
 *   <li>{@code GET exceptions?meter=&limit=}: readings rejected because their meter had no master data.</li>
 * </ul>
 * Store calls block, so they run on the blocking dispatcher.
 */
public final class MasterDataRoutes extends AllDirectives {

  /** A sync file of 100,000 records is about 15 MiB. */
  static final int MAX_BODY = 24 * 1024 * 1024;
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;

  private final MdmBridge.MasterData masterData;
  private final ObjectMapper json;
  private final Problems problems;
  private final Executor blocking;
  private final Clock clock;

  public MasterDataRoutes(MdmBridge.MasterData masterData, ObjectMapper json, Executor blocking, Clock clock) {
    this.masterData = masterData;
    this.json = json;
    this.problems = new Problems(json);
    this.blocking = blocking;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("master-data", () -> concat(
        path("syncs", () -> post(this::submit)),
        path(PathMatchers.segment("syncs").slash(PathMatchers.segment()), id -> get(() -> report(id))),
        path(PathMatchers.segment("service-points").slash(PathMatchers.segment()),
            id -> get(() -> parameterOptional("at", at -> servicePoint(id, at)))),
        path("exceptions", () -> get(() -> parameterOptional("meter", meter ->
            parameterOptional("limit", limit -> exceptions(meter, limit)))))))));
  }

  private Route submit() {
    return extractRequestEntity(entity -> {
      var type = entity.getContentType().mediaType();
      boolean csv = type.equals(MediaTypes.TEXT_CSV);
      if (!csv && !type.equals(MediaTypes.APPLICATION_JSON)) {
        return complete(problems.of(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "send a sync set as application/json or a CSV file as text/csv, found " + type));
      }
      if (entity.getContentLengthOption().orElse(0) > MAX_BODY) {
        return tooLarge();
      }
      return parameterMap(params -> extractMaterializer(materializer -> onComplete(
          entity.toStrict(60_000, MAX_BODY, materializer), strict -> {
            if (strict.isFailure()) {
              Throwable failure = strict.failed().get();
              return failure instanceof EntityStreamSizeException || failure.getCause() instanceof EntityStreamSizeException
                  ? tooLarge() : complete(problems.of(StatusCodes.BAD_REQUEST, "Unreadable body",
                      "the request body could not be read"));
            }
            return checked(() -> {
              SyncSet set = csv ? csvSet(strict.get(), params) : jsonSet(strict.get());
              return blockingly(() -> masterData.sync().submit(set, clock.instant()), this::answer);
            });
          })));
    });
  }

  private SyncSet jsonSet(HttpEntity.Strict body) {
    JsonNode tree;
    try {
      tree = json.readTree(text(body));
    } catch (JsonProcessingException e) {
      throw new SyncInput.InvalidSyncSet("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new SyncInput.InvalidSyncSet("the body must be a JSON object with source, sequence, kind, effectiveAt"
          + " and records");
    }
    Map<String, Object> fields = json.convertValue(tree, Map.class);
    var header = SyncInput.Header.parse(fields.get("source"), fields.get("sequence"), fields.get("kind"),
        fields.get("effectiveAt"));
    return SyncInput.fromRecords(header, fields.get("records"), SyncSet.fingerprint(body.getData().toArray()));
  }

  private SyncSet csvSet(HttpEntity.Strict body, Map<String, String> params) {
    var header = SyncInput.Header.parse(params.get("source"), params.getOrDefault("sequence", ""),
        params.getOrDefault("kind", ""), params.getOrDefault("effectiveAt", ""));
    String content = text(body);
    return SyncInput.fromCsv(header, content, SyncSet.fingerprint(header.kind() + "|" + header.effectiveAt() + "|"
        + content));
  }

  private static String text(HttpEntity.Strict body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(body.getData().asByteBuffer()).toString();
    } catch (CharacterCodingException e) {
      throw new SyncInput.InvalidSyncSet("the body is not UTF-8 text");
    }
  }

  private Route answer(SyncReport report) {
    if (report.status() == SyncReport.Status.REJECTED) {
      return complete(problems.of(StatusCodes.CONFLICT, "Sync set rejected", report.exceptions().get(0).reason()
          + " (report " + report.id() + ")"));
    }
    StatusCode status = switch (report.status()) {
      case APPLIED -> StatusCodes.CREATED;
      case HELD -> StatusCodes.ACCEPTED;
      default -> StatusCodes.OK;
    };
    return complete(ok(status, MasterDataCodec.report(report))
        .addHeader(Location.create("/api/v1/master-data/syncs/" + report.id())));
  }

  private Route report(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return notFound("No such sync set", "no sync report " + id);
    }
    return blockingly(() -> masterData.sync().report(uuid), found -> found
        .map(r -> complete(ok(StatusCodes.OK, MasterDataCodec.report(r))))
        .orElseGet(() -> notFound("No such sync set", "no sync report " + id)));
  }

  private Route servicePoint(String sdpId, Optional<String> at) {
    Instant when;
    try {
      when = at.map(Instant::parse).orElseGet(clock::instant);
    } catch (DateTimeParseException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid instant",
          "at must be an ISO-8601 instant such as 2024-03-01T00:00:00Z"));
    }
    return blockingly(() -> masterData.store().timeline(sdpId), found -> found.filter(t -> !t.periods().isEmpty())
        .map(t -> complete(ok(StatusCodes.OK, describe(t, when))))
        .orElseGet(() -> notFound("No such service point", "no service point " + sdpId)));
  }

  private static Map<String, Object> describe(ServicePointTimeline timeline, Instant at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sdpId", timeline.sdpId());
    body.put("uniqueId", timeline.periods().get(0).state().uniqueId());
    body.put("at", at.toString());
    Optional<Period> current = timeline.periods().stream().filter(p -> p.covers(at)).findFirst();
    body.put("active", current.isPresent());
    body.put("relationships", current.map(MasterDataRoutes::period).orElse(null));
    body.put("periods", timeline.periods().stream().map(MasterDataRoutes::period).toList());
    return body;
  }

  private static Map<String, Object> period(Period p) {
    Map<String, Object> fields = new SyncRecord(SyncRecord.Action.UPSERT, p.state(), p.from(), p.to()).fields();
    fields.remove("action");
    fields.remove("sdpId");
    fields.remove("uniqueId");
    return fields;
  }

  private Route exceptions(Optional<String> meter, Optional<String> limitText) {
    int limit;
    try {
      limit = limitText.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid limit", "limit must be 1 to " + MAX_LIMIT));
    }
    if (meter.isPresent() && (meter.get().isBlank() || meter.get().length() > 64)) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid meter", "meter must be a meter id of 1 to 64"
          + " characters"));
    }
    int max = limit;
    return blockingly(() -> masterData.store().rejected(meter, max), rejected -> {
      Map<String, Object> body = new LinkedHashMap<>();
      meter.ifPresent(m -> body.put("meter", m));
      body.put("checkReadings", masterData.gate().enabled());
      body.put("count", rejected.size());
      body.put("exceptions", rejected.stream().map(MasterDataRoutes::exception).toList());
      return complete(ok(StatusCodes.OK, body));
    });
  }

  private static Map<String, Object> exception(RejectedReading r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("meter", r.meter());
    m.put("day", r.day().toString());
    m.put("channel", r.channel());
    m.put("revision", r.revision());
    m.put("postedAt", r.postedAt().toString());
    m.put("rejectedAt", r.rejectedAt().toString());
    m.put("reason", r.reason());
    return m;
  }

  private Route checked(Supplier<Route> inner) {
    try {
      return inner.get();
    } catch (SyncInput.InvalidSyncSet e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid sync set", e.getMessage()));
    }
  }

  private <T> Route blockingly(Supplier<T> work, Function<T, Route> inner) {
    return onSuccess(CompletableFuture.supplyAsync(work, blocking), inner);
  }

  private Route notFound(String title, String detail) {
    return complete(problems.of(StatusCodes.NOT_FOUND, title, detail));
  }

  private Route tooLarge() {
    return complete(problems.of(StatusCodes.PAYLOAD_TOO_LARGE, "Body too large",
        "a sync set body may be at most " + MAX_BODY / (1024 * 1024) + " MiB; split it into several sets"));
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
