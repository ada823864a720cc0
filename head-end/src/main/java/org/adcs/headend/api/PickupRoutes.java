package org.adcs.headend.api;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import akka.http.javadsl.model.MediaTypes;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.adcs.headend.api.security.ApiSecurity;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.field.FieldDelivery;
import org.adcs.headend.field.FieldDumpCheck;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.meter.MeterState;
import org.adcs.scheduler.trouble.PickupOrigin;
import org.adcs.scheduler.trouble.PickupRequest;
import org.adcs.scheduler.trouble.PickupRequestBook;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Field pickup reads (R-FLD-1, R-FLD-2): {@code GET /api/v1/pickup-requests} lists work orders (open
 * ones unless {@code status} says otherwise; by {@code meter}; paged), {@code POST} issues one for a
 * meter as the calling operator, {@code GET /api/v1/pickup-requests/{id}} shows one, and
 * {@code POST /api/v1/pickup-requests/{id}/dump} takes the meter's memory dump a field tool
 * downloaded (application/octet-stream, at most {@link #MAX_DUMP_BYTES}). The dump is checked whole
 * ({@link FieldDumpCheck}) before anything is stored; then it goes to the meter entity with source
 * FIELD, like a remote read, and the request is closed. A refused dump stores nothing (422); a
 * closed request takes no dump (409).
 */
public final class PickupRoutes extends JsonBodyRoutes {

  /** A whole memory: 62 days of 1-minute intervals is about 3 MB. */
  public static final int MAX_DUMP_BYTES = 8 << 20;
  static final int MAX_PAGE = 500;
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_REASON = 500;
  private static final String BASE = "/api/v1/pickup-requests/";
  private static final Duration DESK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration METER_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(PickupRoutes.class);

  private final ActorRef<TroubleDesk.Command> desk;
  private final MeterSharding meters;
  private final Scheduler scheduler;
  private final Clock clock;
  private final FieldDumpCheck check;

  public PickupRoutes(ActorRef<TroubleDesk.Command> desk, MeterSharding meters, Scheduler scheduler, ObjectMapper json,
      Clock clock, ZoneOffset standardTime) {
    super(json);
    this.desk = desk;
    this.meters = meters;
    this.scheduler = scheduler;
    this.clock = clock;
    this.check = new FieldDumpCheck(standardTime);
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("pickup-requests", () -> concat(
        pathEndOrSingleSlash(() -> concat(
            get(this::list),
            post(() -> principal(caller -> jsonBody(4096, "a pickup request", body -> issue(caller, body)))))),
        path(PathMatchers.segment(), id -> get(() -> withId(id, this::show))),
        path(PathMatchers.segment().slash("dump"), id -> post(() -> withId(id, requestId ->
            strictBody(MediaTypes.APPLICATION_OCTET_STREAM, MAX_DUMP_BYTES, "a field dump",
                body -> upload(requestId, body.getData().toArray())))))))));
  }

  // ---- listing and showing --------------------------------------------------------------------

  private Route list() {
    return parameterOptional("meter", meter -> parameterOptional("status", status -> parameterOptional("offset",
        offset -> parameterOptional("limit", limit -> {
          if (meter.isPresent() && !MeterReadRoutes.METER_ID.matcher(meter.get()).matches()) {
            return badQuery("meter must be one meter id: 1-64 letters, digits or . _ : -");
          }
          Optional<Optional<PickupRequestBook.Status>> state = parseStatus(status.orElse("open"));
          Optional<Integer> from = number(offset.orElse("0"), 0, Integer.MAX_VALUE);
          Optional<Integer> size = number(limit.orElse(Integer.toString(DEFAULT_PAGE)), 1, MAX_PAGE);
          if (state.isEmpty()) {
            return badQuery("status must be open, closed or all");
          }
          if (from.isEmpty() || size.isEmpty()) {
            return badQuery("offset must be a whole number of at least 0 and limit one of 1.." + MAX_PAGE);
          }
          return askDesk(replyTo -> new TroubleDesk.ListPickupRequests(meter, state.get(), from.get(), size.get(), replyTo),
              (PickupRequestBook.Page page) -> {
                ObjectNode doc = json.createObjectNode();
                ArrayNode items = doc.putArray("requests");
                page.requests().forEach(r -> items.add(document(r)));
                doc.put("total", page.total());
                doc.put("offset", from.get());
                doc.put("limit", size.get());
                return json(StatusCodes.OK, doc);
              });
        }))));
  }

  private static Optional<Optional<PickupRequestBook.Status>> parseStatus(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "open" -> Optional.of(Optional.of(PickupRequestBook.Status.OPEN));
      case "closed" -> Optional.of(Optional.of(PickupRequestBook.Status.CLOSED));
      case "all" -> Optional.of(Optional.empty());
      default -> Optional.empty();
    };
  }

  private static Optional<Integer> number(String text, int min, int max) {
    try {
      int n = Integer.parseInt(text);
      return n >= min && n <= max ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Route show(long id) {
    return askDesk(replyTo -> new TroubleDesk.GetPickupRequest(id, replyTo), (Optional<PickupRequest> found) ->
        found.map(r -> json(StatusCodes.OK, document(r))).orElseGet(() -> notFound(id)));
  }

  // ---- issuing --------------------------------------------------------------------------------

  private Route issue(Principal caller, JsonNode body) {
    JsonNode meter = body.path("meterId");
    JsonNode reason = body.path("reason");
    if (!body.isObject()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid pickup request", "the body must be a JSON object"));
    }
    for (var names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("meterId") && !name.equals("reason")) {
        return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid pickup request",
            "unknown field '" + (name.length() > 40 ? name.substring(0, 40) : name) + "': a pickup request has meterId and reason"));
      }
    }
    if (!meter.isTextual() || !MeterReadRoutes.METER_ID.matcher(meter.asText()).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid pickup request",
          "meterId must be a meter id: 1-64 letters, digits or . _ : -"));
    }
    if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX_REASON) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid pickup request",
          "reason must be text of 1-" + MAX_REASON + " characters saying why a crew goes"));
    }
    String meterId = meter.asText();
    return onComplete(status(meterId), state -> {
      if (state.isFailure()) {
        return meterUnavailable(meterId, state.failed().get());
      }
      if (!state.get().registered()) {
        return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown meter", "meter " + meterId + " is not registered"));
      }
      // At most one open request per meter: an open one is returned, not a second crew sent.
      return askDesk(replyTo -> new TroubleDesk.ListPickupRequests(Optional.of(meterId),
          Optional.of(PickupRequestBook.Status.OPEN), 0, 1, replyTo), (PickupRequestBook.Page open) -> open.requests().isEmpty()
          ? askDesk(replyTo -> new TroubleDesk.RaisePickupByOperator(meterId, caller.name(), reason.asText().strip(), replyTo),
              (TroubleDesk.PickupAnswer answer) -> answer instanceof TroubleDesk.PickupAnswer.Raised raised
                  ? created(raised.request(), StatusCodes.CREATED)
                  : complete(problems.of(StatusCodes.UNPROCESSABLE_ENTITY, "Pickup request refused",
                      ((TroubleDesk.PickupAnswer.Refused) answer).reason())))
          : created(open.requests().get(0), StatusCodes.OK));
    });
  }

  private Route created(PickupRequest request, StatusCode status) {
    return respondWithHeader(Location.create(BASE + request.id()), () -> json(status, document(request)));
  }

  // ---- the field upload -----------------------------------------------------------------------

  private Route upload(long id, byte[] dump) {
    return askDesk(replyTo -> new TroubleDesk.GetPickupRequest(id, replyTo), (Optional<PickupRequest> found) -> {
      if (found.isEmpty()) {
        return notFound(id);
      }
      PickupRequest request = found.get();
      if (!request.isOpen()) {
        return complete(problems.of(StatusCodes.CONFLICT, "Pickup request closed", "pickup request " + id
            + " was closed at " + request.closed().orElseThrow() + " when its dump was stored; nothing was stored again"));
      }
      return onComplete(status(request.meterId()), state -> {
        if (state.isFailure()) {
          return meterUnavailable(request.meterId(), state.failed().get());
        }
        if (!state.get().registered()) {
          return complete(problems.of(StatusCodes.CONFLICT, "Meter not registered", "meter " + request.meterId()
              + " of pickup request " + id + " is not registered, so its identity cannot be checked; nothing was stored"));
        }
        FieldDumpCheck.Outcome outcome = check.check(dump, state.get().registration().logicalDeviceName(), clock.instant());
        if (outcome instanceof FieldDumpCheck.Outcome.Refused refused) {
          return complete(problems.of(StatusCodes.UNPROCESSABLE_ENTITY, title(refused.reason()),
              refused.detail() + "; nothing was stored"));
        }
        return store(request, (FieldDumpCheck.Outcome.Accepted) outcome);
      });
    });
  }

  private static String title(FieldDumpCheck.Reason reason) {
    return switch (reason) {
      case UNREADABLE -> "Unreadable field dump";
      case FOREIGN_METER -> "Field dump of another meter";
      case SIZE -> "Field dump too large for a meter's memory";
      case VALUE_RANGE -> "Field dump value out of range";
      default -> "Field dump not plausible";
    };
  }

  /** The parts one after the other (each persisted before the next), then the request closed. */
  private Route store(PickupRequest request, FieldDumpCheck.Outcome.Accepted dump) {
    List<FieldDelivery.Part> parts = FieldDelivery.parts(dump);
    CompletionStage<Boolean> stored = CompletableFuture.completedFuture(false);
    for (FieldDelivery.Part part : parts) {
      stored = stored.thenCompose(changedSoFar -> meters.meter(request.meterId()).<Meter.Reply>ask(
          replyTo -> new Meter.Collect(part.delivery(), part.events(), replyTo), METER_TIMEOUT).thenApply(reply -> {
            if (reply instanceof Meter.Rejected rejected) {
              throw new IllegalStateException(rejected.reason());
            }
            return changedSoFar || ((Meter.Accepted) reply).changed();
          }));
    }
    return onComplete(stored, result -> {
      if (result.isFailure()) {
        log.warn("field dump for pickup request {} not stored: {}", request.id(), rootCause(result.failed().get()).toString());
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Field dump not stored", "meter " + request.meterId()
            + " did not take the dump (" + rootCause(result.failed().get()).getMessage() + "); the request stays open,"
            + " upload again: what was stored already is not stored twice"));
      }
      return askDesk(replyTo -> new TroubleDesk.ClosePickupRequest(request.id(), replyTo), (Boolean closed) -> {
        if (!closed) {
          return complete(problems.of(StatusCodes.CONFLICT, "Pickup request closed",
              "pickup request " + request.id() + " was closed by another upload meanwhile; its data was stored once"));
        }
        return askDesk(replyTo -> new TroubleDesk.GetPickupRequest(request.id(), replyTo), (Optional<PickupRequest> now) -> {
          ObjectNode doc = json.createObjectNode();
          doc.set("request", document(now.orElse(request)));
          ObjectNode summary = doc.putObject("stored");
          summary.put("source", "FIELD");
          summary.put("dumpedAt", dump.dumpedAt().toString());
          summary.put("intervals", dump.intervals());
          summary.put("channelDays", dump.delivery().days().size());
          summary.put("registers", dump.delivery().registers().size());
          summary.put("events", dump.events().size());
          summary.put("new", result.get());
          return json(StatusCodes.OK, doc);
        });
      });
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  private CompletionStage<MeterState> status(String meterId) {
    return meters.meter(meterId).ask(Meter.GetStatus::new, METER_TIMEOUT);
  }

  private Route meterUnavailable(String meterId, Throwable error) {
    log.warn("meter {} did not answer: {}", meterId, rootCause(error).toString());
    return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Meter unavailable",
        "meter " + meterId + " did not answer within " + METER_TIMEOUT.toSeconds() + " s; try again"));
  }

  private <T> Route askDesk(Function<ActorRef<T>, TroubleDesk.Command> message, Function<T, Route> inner) {
    CompletionStage<T> answer = AskPattern.ask(desk, message::apply, DESK_TIMEOUT, scheduler);
    return onComplete(answer, result -> {
      if (result.isFailure()) {
        log.warn("the trouble desk did not answer: {}", rootCause(result.failed().get()).toString());
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Pickup requests unavailable",
            "the trouble desk did not answer within " + DESK_TIMEOUT.toSeconds() + " s; try again"));
      }
      return inner.apply(result.get());
    });
  }

  private Route principal(Function<Principal, Route> inner) {
    return extractRequest(r -> r.getAttribute(ApiSecurity.PRINCIPAL).map(inner)
        .orElseGet(() -> complete(problems.of(StatusCodes.UNAUTHORIZED, "Unauthorized", "no authenticated caller"))));
  }

  private Route withId(String text, Function<Long, Route> inner) {
    Optional<Long> id = text.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    return id.map(inner).orElseGet(() -> complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid pickup request id",
        "a pickup request id is a positive whole number, found '" + (text.length() > 40 ? text.substring(0, 40) : text) + "'")));
  }

  private Route notFound(long id) {
    return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown pickup request", "there is no pickup request " + id
        + " (closed ones are kept for the latest " + PickupRequestBook.CLOSED_KEPT + ")"));
  }

  private Route badQuery(String detail) {
    return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid query", detail));
  }

  private ObjectNode document(PickupRequest r) {
    ObjectNode doc = json.createObjectNode();
    doc.put("id", r.id());
    doc.put("meterId", r.meterId());
    doc.put("status", r.isOpen() ? "open" : "closed");
    doc.put("reason", r.reason());
    ObjectNode origin = doc.putObject("origin");
    if (r.origin() instanceof PickupOrigin.OperatorOrigin o) {
      origin.put("type", "operator").put("operator", o.operator());
    } else if (r.origin() instanceof PickupOrigin.TroubleReportOrigin t) {
      origin.put("type", "trouble-report").put("troubleReportId", t.troubleReportId());
    }
    doc.put("raised", r.raised().toString());
    r.closed().ifPresentOrElse(c -> doc.put("closed", c.toString()), () -> doc.putNull("closed"));
    doc.put("dump", BASE + r.id() + "/dump");
    return doc;
  }
}
