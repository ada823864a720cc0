package org.adcs.headend.api.usage;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.headend.bridge.MdmBridge;
import org.adcs.mdm.masterdata.MasterDataStore;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.usage.UsageHistory;
import org.adcs.mdm.usage.UsageHistoryAssembler;

/**
 * Usage history (R-MD-3): {@code GET /api/v1/usage-history/{sdpId}?account=&asOf=&intervals=} gives
 * the account's 12 months at the point before {@code asOf} (today by default): per channel monthly
 * totals and demand, opening and closing reads and (unless {@code intervals=false}) the interval data; reactive
 * channels name their active channel; an unmetered point's usage is its configured fixed quantity.
 * The account defaults to the point's account at the end of the window. Assembly blocks (a year of
 * days from the store), so it runs on the blocking dispatcher.
 */
public final class UsageRoutes extends AllDirectives {

  private final MdmBridge.SpecialReads specialReads;
  private final MasterDataStore masterData;
  private final ObjectMapper json;
  private final Problems problems;
  private final Executor blocking;
  private final Clock clock;
  private final ZoneOffset standardTime;

  public UsageRoutes(MdmBridge.SpecialReads specialReads, MasterDataStore masterData, ObjectMapper json,
      Executor blocking, Clock clock, ZoneOffset standardTime) {
    this.specialReads = specialReads;
    this.masterData = masterData;
    this.json = json;
    this.problems = new Problems(json);
    this.blocking = blocking;
    this.clock = clock;
    this.standardTime = standardTime;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> path(PathMatchers.segment("usage-history")
        .slash(PathMatchers.segment()), sdp -> get(() -> parameterOptional("account", account ->
            parameterOptional("asOf", asOf -> parameterOptional("intervals", intervals ->
                history(sdp, account, asOf, intervals))))))));
  }

  private Route history(String sdpId, Optional<String> account, Optional<String> asOfText,
      Optional<String> intervalsText) {
    if (sdpId.length() > 64 || account.filter(a -> a.isBlank() || a.length() > 64).isPresent()) {
      return badRequest("Invalid request", "sdpId and account are 1 to 64 characters");
    }
    LocalDate asOf;
    try {
      asOf = asOfText.map(LocalDate::parse).orElseGet(() -> LocalDate.ofInstant(clock.instant(), standardTime));
    } catch (DateTimeParseException e) {
      return badRequest("Invalid date", "asOf must be an ISO-8601 date such as 2026-06-01");
    }
    if (intervalsText.filter(v -> !v.equals("true") && !v.equals("false")).isPresent()) {
      return badRequest("Invalid intervals", "intervals must be true or false");
    }
    boolean withIntervals = intervalsText.map(Boolean::parseBoolean).orElse(true);
    return onSuccess(CompletableFuture.supplyAsync(() -> assemble(sdpId, account, asOf), blocking), found -> {
      if (found instanceof String missing) {
        return complete(problems.of(StatusCodes.NOT_FOUND, "No usage history", missing));
      }
      return complete(ok(describe((UsageHistory) found, withIntervals)));
    });
  }

  /** The history, or why there is none. */
  private Object assemble(String sdpId, Optional<String> account, LocalDate asOf) {
    Optional<ServicePointTimeline> timeline = masterData.timeline(sdpId).filter(t -> !t.periods().isEmpty());
    if (timeline.isEmpty()) {
      return "no service point " + sdpId;
    }
    Optional<String> customer = account.or(() -> timeline.get().periods().stream()
        .filter(p -> p.from().isBefore(asOf.atStartOfDay().toInstant(standardTime)))
        .reduce((a, b) -> b).map(p -> p.state().account()));
    if (customer.isEmpty()) {
      return "service point " + sdpId + " had no account before " + asOf;
    }
    return UsageHistoryAssembler.assemble(timeline.get(), customer.get(), asOf,
        Optional.ofNullable(specialReads.fixedUsage().get(sdpId)), specialReads.usage(), standardTime)
        .<Object>map(h -> h)
        .orElse("account " + customer.get() + " held service point " + sdpId + " at no time in the "
            + UsageHistoryAssembler.MONTHS + " months before " + asOf);
  }

  private static Map<String, Object> describe(UsageHistory h, boolean withIntervals) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sdpId", h.sdpId());
    body.put("account", h.account());
    body.put("from", h.from().toString());
    body.put("to", h.to().toString());
    body.put("unmetered", h.unmetered());
    body.put("channels", h.channels().stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("channel", c.channel().name());
      m.put("unit", c.channel().unit());
      m.put("kwhChannel", c.kwhChannel().map(k -> k.name()).orElse(null));
      m.put("months", c.months().stream().map(t -> {
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("month", t.month().toString());
        month.put("total", t.total());
        month.put("days", t.days());
        month.put("demand", t.demand().orElse(null));
        month.put("estimated", t.estimated());
        month.put("reason", t.reason().map(r -> r.wireName()).orElse(null));
        return month;
      }).toList());
      m.put("openingRead", c.opening().map(UsageRoutes::read).orElse(null));
      m.put("closingRead", c.closing().map(UsageRoutes::read).orElse(null));
      if (withIntervals) {
        m.put("intervals", c.intervals().stream().map(d -> {
          Map<String, Object> day = new LinkedHashMap<>();
          day.put("meter", d.meter());
          day.put("day", d.day().toString());
          day.put("intervalMinutes", d.intervalMinutes());
          day.put("values", d.values());
          day.put("status", d.status());
          return day;
        }).toList());
      }
      return m;
    }).toList());
    return body;
  }

  private static Map<String, Object> read(UsageHistory.Read r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("meter", r.meter());
    m.put("at", r.at().toString());
    m.put("value", r.value());
    return m;
  }

  private Route badRequest(String title, String detail) {
    return complete(problems.of(StatusCodes.BAD_REQUEST, title, detail));
  }

  private HttpResponse ok(Object body) {
    try {
      return HttpResponse.create().withStatus(StatusCodes.OK)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, json.writeValueAsString(body)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always write as JSON", e);
    }
  }
}
