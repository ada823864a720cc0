package org.adcs.headend.api.data;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.mdm.market.DailyDelivery;
import org.adcs.mdm.market.DeliveryRecord;
import org.adcs.mdm.market.MarketReports;
import org.adcs.mdm.market.MarketStore;

/**
 * Market delivery for operators (R-MD-5, R-VEE-4) under {@code /api/v1/market}:
 * <ul>
 *   <li>{@code POST deliveries}: deliver what is due now (the daily run, at once) and list the files.</li>
 *   <li>{@code GET deliveries?party=&from=&to=}: the party's scheduled files against those delivered.</li>
 *   <li>{@code GET estimated-usage?party=&from=&to=}: how much of the usage delivered to it was estimated.</li>
 * </ul>
 * The parties collect their files from their mailboxes ({@code /api/v1/mailbox}).
 */
final class MarketRoutes extends DataDirectives {

  /** Longest report period. */
  static final int MAX_REPORT_DAYS = 366;
  /** How long an operator's run may take before the request gives up (the run goes on). */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  private final ActorRef<MarketRunner.Command> runner;
  private final DailyDelivery delivery;
  private final MarketStore store;
  private final MarketSettings settings;
  private final Scheduler scheduler;
  private final ObjectMapper json;
  private final Clock clock;

  MarketRoutes(ActorRef<MarketRunner.Command> runner, DailyDelivery delivery, MarketStore store,
      MarketSettings settings, Scheduler scheduler, ObjectMapper json, Problems problems, Executor blocking,
      Clock clock) {
    super(problems, blocking);
    this.runner = runner;
    this.delivery = delivery;
    this.store = store;
    this.settings = settings;
    this.scheduler = scheduler;
    this.json = json;
    this.clock = clock;
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("market", () -> concat(
        path("deliveries", () -> concat(
            post(this::runNow),
            get(() -> report((party, from, to) -> punctuality(party, from, to))))),
        path("estimated-usage", () -> get(() -> report((party, from, to) -> estimatedShare(party, from, to))))))));
  }

  private Route runNow() {
    var outcome = AskPattern.<MarketRunner.Command, MarketRunner.Outcome>ask(runner, MarketRunner.RunNow::new,
        RUN_TIMEOUT, scheduler);
    return onSuccess(outcome, result -> {
      if (result.failure() != null) {
        return complete(problem(StatusCodes.SERVICE_UNAVAILABLE, "Delivery failed", result.failure()
            + "; files delivered before the failure stand, the rest is delivered at the next run"));
      }
      ObjectNode body = json.createObjectNode();
      ArrayNode files = body.putArray("delivered");
      result.delivered().forEach(d -> files.add(describe(d)));
      return ok(body);
    });
  }

  private interface Report {
    Route of(String party, LocalDate from, LocalDate to);
  }

  private Route report(Report report) {
    return parameterOptional("party", party -> parameterOptional("from", from -> parameterOptional("to", to ->
        checked(() -> {
          String p = party.orElseThrow(() -> new InvalidRequest("Invalid party", "party is required"));
          if (delivery.parties().stream().noneMatch(mp -> mp.id().equals(p))) {
            throw new InvalidRequest(StatusCodes.NOT_FOUND, "No such party", "no market party " + clip(p)
                + " is configured (adcs.market.parties)");
          }
          LocalDate first = date("from", from);
          LocalDate last = date("to", to);
          if (last.isBefore(first) || ChronoUnit.DAYS.between(first, last) >= MAX_REPORT_DAYS) {
            throw new InvalidRequest("Invalid period", "to must be on or after from, and the period at most "
                + MAX_REPORT_DAYS + " days");
          }
          return report.of(p, first, last);
        }))));
  }

  private Route punctuality(String party, LocalDate from, LocalDate to) {
    return blocking(() -> MarketReports.punctuality(party, from, to, store.deliveries(party, from, to),
        delivery.schedule(), settings.lateAfter(), clock.instant()), rows -> {
          ObjectNode body = json.createObjectNode().put("party", party);
          ArrayNode list = body.putArray("days");
          for (var row : rows) {
            ObjectNode r = list.addObject().put("day", row.day().toString())
                .put("scheduledAt", row.scheduledAt().toString()).put("status", row.punctuality().name());
            Optional.ofNullable(row.deliveredAt()).ifPresent(t -> r.put("deliveredAt", t.toString()));
            Optional.ofNullable(row.fileName()).ifPresent(n -> r.put("fileName", n));
          }
          return ok(body);
        });
  }

  private Route estimatedShare(String party, LocalDate from, LocalDate to) {
    return blocking(() -> MarketReports.estimatedShare(party, store.deliveries(party, from, to)), share -> ok(
        json.createObjectNode().put("party", party).put("from", from.toString()).put("to", to.toString())
            .put("intervals", share.intervals()).put("estimatedIntervals", share.estimatedIntervals())
            .put("usage", share.usage().toPlainString()).put("estimatedUsage", share.estimatedUsage().toPlainString())
            .put("estimatedPercent", share.percent().toPlainString())));
  }

  private ObjectNode describe(DeliveryRecord d) {
    return json.createObjectNode().put("party", d.party()).put("day", d.day().toString())
        .put("fileId", d.fileId().toString()).put("fileName", d.fileName()).put("format", d.format().wire())
        .put("scheduledAt", d.scheduledAt().toString()).put("deliveredAt", d.deliveredAt().toString())
        .put("channelDays", d.channelDays()).put("intervals", d.intervals())
        .put("estimatedIntervals", d.estimatedIntervals()).put("usage", d.usage().toPlainString())
        .put("estimatedUsage", d.estimatedUsage().toPlainString());
  }

  private static LocalDate date(String name, Optional<String> text) {
    String value = text.orElseThrow(() -> new InvalidRequest("Invalid " + name, name + " is required (yyyy-mm-dd)"));
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest("Invalid " + name, name + " must be a date as yyyy-mm-dd, found " + clip(value));
    }
  }

  private Route ok(ObjectNode body) {
    return complete(HttpResponse.create().withStatus(StatusCodes.OK)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString())));
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
