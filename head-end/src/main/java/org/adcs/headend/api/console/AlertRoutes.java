package org.adcs.headend.api.console;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.adcs.headend.alerts.OperatorNotifications;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.ApiSecurity;

/**
 * Operator notifications (failed on-demand reads, outage alerts, meter clock errors), newest first:
 * <ul>
 * <li>{@code GET /api/v1/alerts?state=open|all&before=<id>&limit=<1..500>}: a page, with the number
 * still open and the link to the next page;</li>
 * <li>{@code POST /api/v1/alerts/{id}/acknowledge}: records the caller as having acknowledged it
 * (stored before the answer); 409 when someone already has, naming who.</li>
 * </ul>
 */
public final class AlertRoutes extends AllDirectives {

  private static final int DEFAULT_PAGE = 50;
  private static final int MAX_PAGE = 500;

  private final OperatorNotifications alerts;
  private final ObjectMapper json;
  private final Problems problems;
  private final Executor blocking;

  public AlertRoutes(OperatorNotifications alerts, ObjectMapper json, Executor blocking) {
    this.alerts = alerts;
    this.json = json;
    this.problems = new Problems(json);
    this.blocking = blocking;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("alerts", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> parameterOptional("state", state -> parameterOptional("before",
            before -> parameterOptional("limit", limit -> list(state, before, limit)))))),
        path(PathMatchers.segment().slash("acknowledge"), id -> post(() -> acknowledge(id)))))));
  }

  private Route list(Optional<String> state, Optional<String> before, Optional<String> limit) {
    String which = state.orElse("open");
    if (!which.equals("open") && !which.equals("all")) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid state", "state is open or all, found " + which));
    }
    Optional<Long> cursor;
    int size;
    try {
      cursor = before.map(Long::parseLong);
      size = limit.map(Integer::parseInt).orElse(DEFAULT_PAGE);
    } catch (NumberFormatException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid paging",
          "before is an alert id from the previous page and limit a whole number 1.." + MAX_PAGE));
    }
    if (size < 1 || size > MAX_PAGE || cursor.map(c -> c < 1).orElse(false)) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid paging",
          "before is an alert id from the previous page and limit a whole number 1.." + MAX_PAGE));
    }
    return blocking(() -> {
      OperatorNotifications.Page page = alerts.list(which.equals("open"), cursor, size);
      ObjectNode doc = json.createObjectNode();
      doc.put("state", which);
      doc.put("open", alerts.openCount());
      ArrayNode rows = doc.putArray("alerts");
      page.alerts().forEach(a -> rows.add(alert(a)));
      page.next().ifPresentOrElse(next -> doc.put("next", "/api/v1/alerts?state=" + which + "&before=" + next
          + "&limit=" + size), () -> doc.putNull("next"));
      return ok(doc);
    });
  }

  private Route acknowledge(String idText) {
    if (!idText.matches("[1-9][0-9]{0,17}")) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid alert id", "an alert id is a positive whole number"));
    }
    long id = Long.parseLong(idText);
    return extractRequest(request -> {
      String who = request.getAttribute(ApiSecurity.PRINCIPAL).map(p -> p.name()).orElse(null);
      if (who == null) {
        return complete(problems.of(StatusCodes.UNAUTHORIZED, "Not authenticated", "log in or send a bearer token"));
      }
      return blocking(() -> switch (alerts.acknowledge(id, who)) {
        case ACKNOWLEDGED -> ok(alert(alerts.find(id).orElseThrow()));
        case ALREADY_ACKNOWLEDGED -> {
          OperatorNotifications.Stored found = alerts.find(id).orElseThrow();
          yield problems.of(StatusCodes.CONFLICT, "Already acknowledged", "alert " + id + " was acknowledged by "
              + found.acknowledgedBy().orElse("?") + " at " + found.acknowledgedAt().map(Object::toString).orElse("?"));
        }
        case UNKNOWN -> problems.of(StatusCodes.NOT_FOUND, "Unknown alert", "there is no alert " + id);
      });
    });
  }

  private Route blocking(Supplier<HttpResponse> work) {
    return onComplete(CompletableFuture.supplyAsync(work, blocking), done -> complete(done.isSuccess() ? done.get()
        : problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Alerts unavailable",
            "the alert store could not be reached (" + done.failed().get().getMessage() + "); try again shortly")));
  }

  private ObjectNode alert(OperatorNotifications.Stored a) {
    ObjectNode row = json.createObjectNode();
    row.put("id", a.id());
    row.put("kind", a.notice().kind().wire());
    a.notice().meterId().ifPresentOrElse(m -> row.put("meterId", m), () -> row.putNull("meterId"));
    row.put("raisedAt", a.notice().raisedAt().toString());
    row.put("detail", a.notice().detail());
    a.acknowledgedBy().ifPresentOrElse(b -> row.put("acknowledgedBy", b), () -> row.putNull("acknowledgedBy"));
    a.acknowledgedAt().ifPresentOrElse(t -> row.put("acknowledgedAt", t.toString()), () -> row.putNull("acknowledgedAt"));
    return row;
  }

  private HttpResponse ok(ObjectNode body) {
    return HttpResponse.create().withStatus(StatusCodes.OK)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString()));
  }
}
