package org.adcs.headend.api;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
import org.adcs.headend.alerts.Notice;
import org.adcs.headend.alerts.Notices;
import org.adcs.headend.api.security.ApiSecurity;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.api.security.Role;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterSharding;

/**
 * {@code POST /api/v1/meters/{id}/reads}: an on-demand read (R-OD-1). The meter's answer, in
 * engineering units, once it is stored; RFC 7807 problem JSON when the meter is unknown (404), too
 * many reads already wait for it (503), or it gave no valid answer in two attempts or did not come
 * into contact in time (504, R-OD-2). With {@code Prefer: respond-async} (RFC 7240) the POST
 * answers 202 at once with a request id, and {@code GET /api/v1/reads/{requestId}} gives 202 while
 * the read runs, then the same answer as the synchronous read.
 */
public final class MeterReadRoutes extends AllDirectives {

  /** 1-64 letters, digits or . _ : - (the mass read list takes the same). */
  static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final MeterSharding meters;
  private final ObjectMapper json;
  private final Duration timeout;
  private final ZoneOffset standardTime;

  private final AsyncReads asyncReads = new AsyncReads(10_000, Duration.ofHours(1), java.time.Clock.systemUTC());
  private final Notices notices;
  private final java.time.Clock clock;

  public MeterReadRoutes(MeterSharding meters, ObjectMapper json, Duration attemptTimeout, ZoneOffset standardTime) {
    this(meters, json, attemptTimeout, standardTime, Notices.NONE, java.time.Clock.systemUTC());
  }

  /**
   * @param notices where a read the meter did not answer is raised for the operators
   * @param clock   the head-end's clock, for when a read failed that carries no time of its own
   */
  public MeterReadRoutes(MeterSharding meters, ObjectMapper json, Duration attemptTimeout, ZoneOffset standardTime,
      Notices notices, java.time.Clock clock) {
    this.notices = notices;
    this.clock = clock;
    this.meters = meters;
    this.json = json;
    this.timeout = attemptTimeout.multipliedBy(3).plusSeconds(30);
    this.standardTime = standardTime;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> concat(
        pathPrefix("meters", () -> path(PathMatchers.segment().slash("reads"), meterId -> post(() -> requester(who ->
            optionalHeaderValueByName("Prefer", prefer -> read(meterId, who, prefer.filter(p -> p.toLowerCase(
                java.util.Locale.ROOT).contains("respond-async")).isPresent())))))),
        pathPrefix("reads", () -> path(PathMatchers.segment(), requestId -> get(() -> requester(who ->
            asyncResult(requestId, who))))))));
  }

  /** The caller as the read records it (R-OD-1: the completed request is logged with its requester). */
  private Route requester(java.util.function.Function<Optional<Principal>, Route> inner) {
    return extractRequest(r -> inner.apply(r.getAttribute(ApiSecurity.PRINCIPAL)));
  }

  private Route read(String meterId, Optional<Principal> who, boolean async) {
    if (!METER_ID.matcher(meterId).matches()) {
      return complete(problem(StatusCodes.BAD_REQUEST, "Invalid meter id",
          "a meter id is 1-64 letters, digits or . _ : -"));
    }
    var read = meters.meter(meterId).<MeterRequests.ReadResult>ask(
        replyTo -> Meter.ReadRange.onDemand(who.map(p -> "api:" + p.name()).orElse("api"), replyTo), timeout);
    read.whenComplete((result, error) -> {
      if (error != null || failed(result)) {
        java.time.Instant at = error == null && result.at() != null ? result.at() : clock.instant();
        notices.raise(new Notice("read-failed:" + java.util.UUID.randomUUID(), Notice.Kind.READ_FAILED,
            java.util.Optional.of(meterId), at, "on-demand read failed: " + (error == null ? result.detail()
            : "the read did not complete: " + error.getMessage())));
      }
    });
    if (async) {
      String requestId = asyncReads.track(meterId, who.map(Principal::name).orElse(""), read);
      return complete(pending(requestId, meterId, StatusCodes.ACCEPTED));
    }
    return onSuccess(read, result -> complete(response(meterId, result)));
  }

  /**
   * A read's result goes to its requester only; operators and administrators may follow anyone's. To
   * anyone else the id does not exist (404), so a leaked id tells a third party nothing.
   */
  private Route asyncResult(String requestId, Optional<Principal> who) {
    return complete(asyncReads.lookup(requestId)
        .filter(t -> who.map(p -> p.name().equals(t.requester()) || p.role() == Role.OPERATOR
            || p.role() == Role.ADMINISTRATOR).orElse(true))
        .map(t -> t.done() ? response(t.meterId(), t.result()) : pending(requestId, t.meterId(), StatusCodes.ACCEPTED))
        .orElseGet(() -> problem(StatusCodes.NOT_FOUND, "Unknown read request", "no read " + requestId
            + " of yours on this node; results are kept for an hour on the node that took the request")));
  }

  private HttpResponse pending(String requestId, String meterId, StatusCode status) {
    ObjectNode body = json.createObjectNode();
    body.put("requestId", requestId);
    body.put("meterId", meterId);
    body.put("status", "pending");
    body.put("result", "/api/v1/reads/" + requestId);
    return HttpResponse.create().withStatus(status)
        .addHeader(akka.http.javadsl.model.headers.Location.create("/api/v1/reads/" + requestId))
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
  }

  /** The meter was asked and did not answer (an unknown meter or a full queue is no meter failure). */
  private static boolean failed(MeterRequests.ReadResult result) {
    return !result.ok() && !result.detail().contains("not registered") && !result.detail().contains("reads already wait");
  }

  private HttpResponse response(String meterId, MeterRequests.ReadResult result) {
    if (!result.ok()) {
      if (result.detail().contains("not registered")) {
        return problem(StatusCodes.NOT_FOUND, "Unknown meter", result.detail());
      }
      if (result.detail().contains("reads already wait")) {
        return problem(StatusCodes.SERVICE_UNAVAILABLE, "Too many reads wait for this meter", result.detail()
            + "; try again later");
      }
      return problem(StatusCodes.GATEWAY_TIMEOUT, "Meter did not answer", result.detail()
          + "; the operator has been notified");
    }
    ObjectNode body = json.createObjectNode();
    body.put("meterId", meterId);
    body.put("logicalDeviceName", result.logicalDeviceName());
    body.put("readAt", result.at().toString());
    body.put("meterClock", result.meterClock().toString());
    ArrayNode registers = body.putArray("registers");
    for (MeterModel.RegisterValue r : result.registers()) {
      ObjectNode register = registers.addObject().put("channel", r.channel());
      register.set("value", plain(BigDecimal.valueOf(r.value(), -r.scale())));
      register.put("unit", r.unit());
    }
    // Times as RFC 3339 date-times, seconds included (OffsetDateTime.toString drops ":00").
    ArrayNode intervals = body.putArray("intervals");
    if (result.intervals() != null) {
      for (MeterModel.ChannelDay day : result.intervals().days()) {
        var present = day.presentIntervals();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
          ObjectNode interval = intervals.addObject().put("channel", day.channel())
              .put("end", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.day().atStartOfDay()
                  .plusMinutes((long) (i + 1) * day.intervalMinutes()).atOffset(standardTime)));
          interval.set("value", plain(day.multiplier().multiply(BigDecimal.valueOf(day.pulses()[i]))));
          interval.put("unit", day.unit()).put("status", day.status()[i]);
        }
      }
    }
    ArrayNode events = body.putArray("events");
    for (MeterModel.LoggedEvent e : result.events()) {
      events.addObject().put("type", e.type()).put("code", e.code())
          .put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.occurredAt().atOffset(standardTime)));
    }
    return HttpResponse.create().withStatus(StatusCodes.OK)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
  }

  private HttpResponse problem(StatusCode status, String title, String detail) {
    ObjectNode problem = json.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.intValue());
    problem.put("detail", detail);
    return HttpResponse.create().withStatus(status)
        .withEntity(HttpEntities.create(ContentTypes.create(
            akka.http.javadsl.model.MediaTypes.applicationWithFixedCharset("problem+json",
                akka.http.javadsl.model.HttpCharsets.UTF_8)), problem.toString()));
  }

  /**
   * A value in plain digits, as the meter gave it: a positive scaler (50 Wh as 5 x 10^1) would print
   * as 5E+1, which many JSON readers refuse, and a node factory's decimal strips trailing zeros.
   */
  static DecimalNode plain(BigDecimal value) {
    return DecimalNode.valueOf(value.scale() < 0 ? value.setScale(0) : value);
  }
}
