package org.adcs.headend.api.console;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.adcs.headend.api.Problems;
import org.adcs.headend.scheduling.CollectionTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/collection/summary?day=YYYY-MM-DD}: a night's collection per read group (R-SCH-4),
 * meters on time, late, missed and still waiting for their group's slot, as last counted
 * ({@link CollectionTally}: never a pass over every meter per request). Without {@code day}, the day
 * collected tonight. 400 for a day that is not a date or out of range, 503 when the read side cannot
 * be read.
 */
public final class CollectionRoutes extends AllDirectives {

  /** How far back a summary may be asked for: the morning check's look-back. */
  static final int MAX_DAYS_BACK = 45;
  private static final Logger log = LoggerFactory.getLogger(CollectionRoutes.class);

  private final CollectionTally tally;
  private final ObjectMapper json;
  private final Problems problems;

  public CollectionRoutes(CollectionTally tally, ObjectMapper json) {
    this.tally = tally;
    this.json = json;
    this.problems = new Problems(json);
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("collection", () -> path("summary",
        () -> get(() -> parameterOptional("day", this::summary))))));
  }

  private Route summary(Optional<String> dayParam) {
    LocalDate tonight = tally.tonight();
    LocalDate day;
    try {
      day = dayParam.map(LocalDate::parse).orElse(tonight);
    } catch (DateTimeParseException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid day", "day is a date such as " + tonight
          + ", found \"" + dayParam.get() + "\""));
    }
    if (day.isAfter(tonight.plusDays(1)) || day.isBefore(tonight.minusDays(MAX_DAYS_BACK))) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid day", "day is from " + tonight.minusDays(MAX_DAYS_BACK)
          + " to " + tonight.plusDays(1) + " (tonight's collection is " + tonight + "), found " + day));
    }
    return onComplete(tally.count(day), counted -> {
      if (counted.isFailure()) {
        log.warn("collection summary of {} not counted: {}", day, counted.failed().get().toString());
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Collection not counted",
            "the scheduling read side could not be read (" + counted.failed().get().getMessage() + "); try again shortly"));
      }
      return complete(HttpResponse.create().withStatus(StatusCodes.OK)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, document(counted.get(), tonight).toString())));
    });
  }

  private ObjectNode document(CollectionTally.DayCount count, LocalDate tonight) {
    ObjectNode doc = json.createObjectNode();
    doc.put("day", count.day().toString());
    doc.put("tonight", tonight.toString());
    doc.put("countedAt", count.countedAt().toString());
    doc.put("standardTime", tally.standardTime().getId());
    ObjectNode totals = doc.putObject("totals");
    totals.put("meters", count.total(CollectionTally.GroupCount::meters));
    totals.put("onTime", count.total(CollectionTally.GroupCount::onTime));
    totals.put("late", count.total(CollectionTally.GroupCount::late));
    totals.put("missed", count.total(CollectionTally.GroupCount::missed));
    totals.put("pending", count.total(CollectionTally.GroupCount::pending));
    ArrayNode groups = doc.putArray("groups");
    for (CollectionTally.GroupCount g : count.groups()) {
      groups.addObject().put("group", g.group()).put("slotStart", g.slotStart().toString())
          .put("slotEnd", g.slotEnd().toString()).put("meters", g.meters()).put("onTime", g.onTime())
          .put("late", g.late()).put("missed", g.missed()).put("pending", g.pending())
          .put("members", "/api/v1/read-groups/" + g.group() + "/meters");
    }
    return doc;
  }
}
