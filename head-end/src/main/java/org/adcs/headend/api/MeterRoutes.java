package org.adcs.headend.api;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.api.security.ApiSecurity;
import org.adcs.headend.api.security.Principal;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.meter.MeterState;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;

/**
 * What operators see of and change on one meter, and the read groups that list them:
 * <ul>
 * <li>{@code GET /api/v1/meters/{id}}: identity, connection, read group, default and non-default
 * schedules with who set them, last contact, clock status, recent events ({@link MeterView});</li>
 * <li>{@code POST /api/v1/meters/{id}/schedules}: sets or updates a non-default schedule (R-SCH-5),
 * recorded at once with the caller as its source and written to the meter now or at its next
 * contact (202); {@code DELETE /api/v1/meters/{id}/schedules/{scheduleId}} cancels one;</li>
 * <li>{@code PUT /api/v1/meters/{id}/interval-length}: programs the recording interval (R-SCH-7),
 * answered once the meter has acknowledged it;</li>
 * <li>{@code GET /api/v1/read-groups} and {@code GET /api/v1/read-groups/{group|unscheduled}/meters}:
 * group sizes and members, paged by meter id so 100,000 meters page as fast as 100.</li>
 * </ul>
 */
public final class MeterRoutes extends JsonBodyRoutes {

  private static final int MAX_BODY = 4 * 1024;
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1_000;

  private final MeterSharding meters;
  private final ReadGroupReadSide readGroups;
  private final int groupCount;
  private final Duration commandTimeout;
  private final Duration meterTimeout;
  private final MeterView view;

  /**
   * @param commandTimeout how long the meter's entity may take to answer
   * @param meterTimeout   how long the meter itself may take (the read attempt timeout, with its retry)
   */
  public MeterRoutes(MeterSharding meters, ReadGroupReadSide readGroups, int groupCount, ObjectMapper json,
      Duration commandTimeout, Duration meterTimeout, java.time.ZoneOffset standardTime) {
    super(json);
    this.meters = meters;
    this.readGroups = readGroups;
    this.groupCount = groupCount;
    this.commandTimeout = commandTimeout;
    this.meterTimeout = meterTimeout;
    this.view = new MeterView(json, standardTime);
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> concat(
        pathPrefix("meters", () -> pathPrefix(PathMatchers.segment(), meterId -> concat(
            pathEndOrSingleSlash(() -> get(() -> meter(meterId))),
            path("schedules", () -> post(() -> jsonBody(MAX_BODY, "a schedule",
                body -> principal(who -> setSchedule(meterId, body, who))))),
            path(PathMatchers.segment("schedules").slash(PathMatchers.segment()), scheduleId ->
                delete(() -> principal(who -> cancelSchedule(meterId, scheduleId, who)))),
            path("interval-length", () -> put(() -> jsonBody(MAX_BODY, "an interval length",
                body -> principal(who -> setIntervalLength(meterId, body, who)))))))),
        pathPrefix("read-groups", () -> concat(
            pathEndOrSingleSlash(() -> get(this::groupSizes)),
            path(PathMatchers.segment().slash("meters"), group -> get(() -> members(group))))))));
  }

  private Route principal(java.util.function.Function<Principal, Route> inner) {
    return extractRequest(r -> r.getAttribute(ApiSecurity.PRINCIPAL).map(inner)
        .orElseGet(() -> complete(problems.of(StatusCodes.UNAUTHORIZED, "Not authenticated",
            "log in or send a bearer token"))));
  }

  private Route meter(String meterId) {
    return withMeterId(meterId, () -> onSuccess(status(meterId), state -> state.registered()
        ? json(StatusCodes.OK, view.of(meterId, state))
        : complete(unknown(meterId))));
  }

  private Route setSchedule(String meterId, JsonNode body, Principal who) {
    return withMeterId(meterId, () -> {
      ExtraSchedule schedule;
      try {
        schedule = ScheduleBody.parse(body, who.name());
      } catch (IllegalArgumentException e) {
        return complete(problems.of(StatusCodes.UNPROCESSABLE_ENTITY, "Invalid schedule", e.getMessage()));
      }
      return onSuccess(status(meterId), state -> {
        if (!state.registered()) {
          return complete(unknown(meterId));
        }
        // The entity holds the rules that need its state (at most 4 schedules, none more often than
        // the meter's interval) and says which one a schedule breaks.
        return onSuccess(meters.meter(meterId).<Meter.Reply>ask(replyTo -> new Meter.SetExtraSchedule(schedule, replyTo),
            commandTimeout), reply -> {
              if (reply instanceof Meter.Rejected rejected) {
                return complete(problems.of(StatusCodes.CONFLICT, "Schedule not recorded",
                    rejected.reason() + "; nothing was changed"));
              }
              ObjectNode answer = json.createObjectNode();
              answer.put("meterId", meterId);
              answer.put("scheduleId", schedule.id());
              answer.put("setBy", schedule.setBy());
              answer.put("changed", ((Meter.Accepted) reply).changed());
              answer.put("status", "recorded; written to the meter now or at its next contact, GET /api/v1/meters/"
                  + meterId + " shows when the meter has acknowledged it");
              return json(StatusCodes.ACCEPTED, answer);
            });
      });
    });
  }

  private Route cancelSchedule(String meterId, String scheduleId, Principal who) {
    return withMeterId(meterId, () -> onSuccess(status(meterId), state -> {
      if (!state.registered()) {
        return complete(unknown(meterId));
      }
      if (!state.extraSchedules().containsKey(scheduleId)) {
        return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown schedule", "meter " + meterId
            + " has no non-default schedule " + scheduleId));
      }
      return onSuccess(meters.meter(meterId).<Meter.Reply>ask(
          replyTo -> new Meter.CancelExtraSchedule(scheduleId, who.name(), replyTo), commandTimeout),
          reply -> reply instanceof Meter.Rejected rejected
              ? complete(problems.of(StatusCodes.CONFLICT, "Schedule not cancelled", rejected.reason()))
              : complete(StatusCodes.NO_CONTENT));
    }));
  }

  private Route setIntervalLength(String meterId, JsonNode body, Principal who) {
    return withMeterId(meterId, () -> {
      JsonNode minutes = body.path("minutes");
      if (!minutes.isInt() || !MeterView.INTERVAL_MINUTES.contains(minutes.intValue())) {
        return complete(problems.of(StatusCodes.UNPROCESSABLE_ENTITY, "Invalid interval length",
            "minutes must be one of " + MeterView.INTERVAL_MINUTES + " (a whole number of intervals per hour)"));
      }
      return onSuccess(status(meterId), state -> !state.registered() ? complete(unknown(meterId))
          : onSuccess(meters.meter(meterId).<MeterRequests.Outcome>ask(
              replyTo -> new Meter.SetIntervalLength(minutes.intValue(), who.name(), replyTo), meterTimeout),
              outcome -> {
                if (!outcome.ok()) {
                  return complete(problems.of(StatusCodes.CONFLICT, "Interval length not programmed",
                      outcome.detail() + "; the meter keeps its interval of " + state.intervalMinutes() + " minutes"));
                }
                ObjectNode answer = json.createObjectNode();
                answer.put("meterId", meterId);
                answer.put("intervalMinutes", minutes.intValue());
                answer.put("setBy", who.name());
                return json(StatusCodes.OK, answer);
              }));
    });
  }

  private Route groupSizes() {
    return onSuccess(readGroups.groupSizes(groupCount), sizes -> {
      ObjectNode answer = json.createObjectNode();
      var groups = answer.putArray("groups");
      int total = 0;
      for (int g = 0; g < sizes.length; g++) {
        groups.addObject().put("group", g).put("meters", sizes[g]).put("members", "/api/v1/read-groups/" + g + "/meters");
        total += sizes[g];
      }
      answer.put("scheduledMeters", total);
      answer.put("unscheduled", "/api/v1/read-groups/unscheduled/meters");
      return json(StatusCodes.OK, answer);
    });
  }

  private Route members(String group) {
    return parameterOptional("after", after -> parameterOptional("limit", limit -> {
      int size;
      try {
        size = limit.map(Integer::parseInt).orElse(DEFAULT_PAGE);
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 1 || size > MAX_PAGE) {
        return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid limit", "limit is 1.." + MAX_PAGE));
      }
      if (after.isPresent() && !MeterReadRoutes.METER_ID.matcher(after.get()).matches()) {
        return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid after", "after is a meter id from the previous page"));
      }
      PageRequest page = new PageRequest(after, size);
      CompletionStage<Page<String>> rows;
      if (group.equals("unscheduled")) {
        rows = readGroups.unscheduledMeters(page);
      } else {
        Optional<Integer> index = parseGroup(group);
        if (index.isEmpty()) {
          return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown read group", "read groups are 0.." + (groupCount - 1)
              + " or unscheduled, found " + group));
        }
        rows = readGroups.membersOf(index.get(), page);
      }
      return onSuccess(rows, found -> {
        ObjectNode answer = json.createObjectNode();
        answer.put("group", group);
        var list = answer.putArray("meters");
        found.rows().forEach(list::add);
        found.continueAfter().ifPresentOrElse(next -> answer.put("next", "/api/v1/read-groups/" + group
            + "/meters?after=" + next + "&limit=" + page.limit()), () -> answer.putNull("next"));
        return json(StatusCodes.OK, answer);
      });
    }));
  }

  private Optional<Integer> parseGroup(String group) {
    if (!group.matches("\\d{1,4}")) {
      return Optional.empty();
    }
    int index = Integer.parseInt(group);
    return index < groupCount ? Optional.of(index) : Optional.empty();
  }

  private CompletionStage<MeterState> status(String meterId) {
    return meters.meter(meterId).ask(Meter.GetStatus::new, commandTimeout);
  }

  private Route withMeterId(String meterId, java.util.function.Supplier<Route> inner) {
    return MeterReadRoutes.METER_ID.matcher(meterId).matches() ? inner.get()
        : complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid meter id", "a meter id is 1-64 letters, digits or . _ : -"));
  }

  private akka.http.javadsl.model.HttpResponse unknown(String meterId) {
    return problems.of(StatusCodes.NOT_FOUND, "Unknown meter", "no meter " + meterId
        + " has registered; a meter registers when it first connects to the head-end");
  }
}
