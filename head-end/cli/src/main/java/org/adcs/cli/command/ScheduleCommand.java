package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.adcs.cli.http.Api;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A meter's schedules: shown, non-default ones set and cancelled with the caller as source (R-SCH-5). */
@Command(name = "schedule", description = "Show, set or cancel a meter's schedules.",
    subcommands = {ScheduleCommand.ListSchedules.class, ScheduleCommand.Set.class, ScheduleCommand.Cancel.class})
public final class ScheduleCommand {

  @Command(name = "list", description = "The meter's default and non-default schedules.")
  static final class ListSchedules implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "METER-ID")
    String meterId;

    @Override
    public Integer call() {
      JsonNode meter = connection.api().get("/api/v1/meters/" + Api.query(meterId));
      JsonNode schedules = meter.path("schedules");
      connection.print(schedules, () -> connection.out().print(table(schedules).render()));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "set", description = "Set or update a non-default schedule; the meter acknowledges it at its next contact.")
  static final class Set implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "METER-ID")
    String meterId;

    @Option(names = "--id", required = true, description = "the schedule's id (1-32 letters, digits, _ or -)")
    String scheduleId;

    @Option(names = "--start", required = true, description = "daily start, meter standard time, e.g. 06:00")
    String start;

    @Option(names = "--end", description = "daily end (default: around the clock)")
    String end;

    @Option(names = "--every", required = true, description = "read frequency, ISO-8601: PT1H, PT30M, P1D, P7D")
    String every;

    @Option(names = "--from", required = true, description = "first day, e.g. 2026-12-01")
    String from;

    @Option(names = "--until", description = "last day (default: open-ended)")
    String until;

    @Option(names = "--reason", description = "why, for the log (premium service, critical peak, ...)")
    String reason;

    @Override
    public Integer call() {
      ObjectNode body = new ObjectMapper().createObjectNode().put("scheduleId", scheduleId).put("start", start)
          .put("frequency", every).put("from", from);
      if (end != null) {
        body.put("end", end);
      }
      if (until != null) {
        body.put("until", until);
      }
      if (reason != null) {
        body.put("reason", reason);
      }
      JsonNode answer = connection.api().post("/api/v1/meters/" + Api.query(meterId) + "/schedules", body).body();
      connection.print(answer, () -> connection.out().printf("schedule %s of meter %s recorded (set by %s); %s%n",
          answer.path("scheduleId").asText(), meterId, answer.path("setBy").asText(), "the meter acknowledges it at"
              + " its next contact: adcs schedule list " + meterId));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "cancel", description = "Cancel a non-default schedule.")
  static final class Cancel implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "METER-ID")
    String meterId;

    @Parameters(index = "1", paramLabel = "SCHEDULE-ID")
    String scheduleId;

    @Override
    public Integer call() {
      connection.api().send("DELETE", "/api/v1/meters/" + Api.query(meterId) + "/schedules/" + Api.query(scheduleId),
          null, java.util.Optional.empty());
      connection.print(new ObjectMapper().createObjectNode().put("meterId", meterId).put("scheduleId", scheduleId)
          .put("cancelled", true), () -> connection.out().printf("schedule %s of meter %s cancelled%n", scheduleId, meterId));
      return ExitCode.OK.code();
    }
  }

  /** The default schedule, then the non-default ones, with who set each and whether the meter acknowledged it. */
  static Table table(JsonNode schedules) {
    Table table = new Table("schedule", "start", "end", "every", "from", "until", "set by", "acknowledged");
    JsonNode def = schedules.path("default");
    if (!def.isMissingNode() && !def.isNull()) {
      table.row("default", def.path("readTime").asText(), null, "P1D", null, null, def.path("setBy").asText(),
          def.path("acknowledged").asBoolean() ? "yes" : "no");
    }
    schedules.path("nonDefault").forEach(s -> table.row(s.path("scheduleId").asText(), s.path("start").asText(),
        MeterCommand.text(s.get("end")), s.path("frequency").asText(), MeterCommand.text(s.get("from")),
        MeterCommand.text(s.get("until")), s.path("setBy").asText(), s.path("acknowledged").asBoolean() ? "yes" : "no"));
    return table;
  }
}
