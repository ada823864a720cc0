package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.adcs.cli.http.Api;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A meter's page and an on-demand read (R-OD-1). */
@Command(name = "meter", description = "Show a meter or read it on demand.",
    subcommands = {MeterCommand.Show.class, MeterCommand.Read.class})
public final class MeterCommand {

  @Command(name = "show", description = "Identity, connection, read group, schedules, clock and the intervals held.")
  static final class Show implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "METER-ID", description = "the meter's id")
    String meterId;

    @Override
    public Integer call() {
      JsonNode meter = connection.api().get("/api/v1/meters/" + Api.query(meterId));
      connection.print(meter, () -> {
        var out = connection.out();
        Table identity = new Table("meter", "serial", "connection", "in contact", "last contact", "read group", "interval")
            .row(meter.path("meterId").asText(), meter.path("serial").asText(), meter.at("/connection/kind").asText()
                    + (meter.at("/connection/address").isMissingNode() ? "" : " " + meter.at("/connection/address").asText()),
                meter.at("/connection/inContact").asBoolean() ? "yes" : "no", text(meter.get("lastContact")),
                meter.get("readGroup").isNull() ? "unscheduled" : meter.get("readGroup").asText(),
                meter.path("intervalMinutes").asInt() + " min");
        out.print(identity.render());
        out.println();
        out.print(ScheduleCommand.table(meter.path("schedules")).render());
        out.println();
        JsonNode clock = meter.path("clock");
        out.printf("clock: last checked %s, drift %s s%s%n", text(clock.get("lastChecked")), text(clock.get("lastDriftSeconds")),
            clock.path("needsAttention").asBoolean() ? ", NEEDS ATTENTION (drift over 120 s)" : "");
        Table collected = new Table("channel", "day", "intervals held");
        meter.path("collected").fields().forEachRemaining(channel -> channel.getValue().forEach(day ->
            collected.row(channel.getKey(), day.path("day").asText(), day.path("intervals").asInt())));
        out.println();
        out.print(collected.render());
      });
      return ExitCode.OK.code();
    }
  }

  @Command(name = "read", description = "Read the meter now: clock, registers, today's intervals, events.")
  static final class Read implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "METER-ID", description = "the meter's id")
    String meterId;

    @Option(names = "--async", description = "ask for a request id at once and wait for the result by polling")
    boolean async;

    @Override
    public Integer call() throws InterruptedException {
      Api api = connection.api();
      String path = "/api/v1/meters/" + Api.query(meterId) + "/reads";
      JsonNode result;
      if (async) {
        Api.Answer accepted = api.send("POST", path, null, Optional.of("respond-async"));
        String poll = accepted.body().path("result").asText();
        connection.err().println("read requested: " + accepted.body().path("requestId").asText() + " (polling " + poll + ")");
        result = accepted.body();
        long deadline = System.nanoTime() + Duration.ofSeconds(connection.timeoutSeconds).toNanos();
        while (result.path("status").asText().equals("pending") && System.nanoTime() < deadline) {
          Thread.sleep(1000);
          result = api.get(poll);
        }
        if (result.path("status").asText().equals("pending")) {
          throw new org.adcs.cli.http.ApiFailure(ExitCode.UNREACHABLE, "the read " + poll + " is still running after "
              + connection.timeoutSeconds + " s; fetch it later with the same path");
        }
      } else {
        result = api.post(path, null).body();
      }
      JsonNode read = result;
      connection.print(read, () -> {
        var out = connection.out();
        out.printf("meter %s (%s) read at %s, meter clock %s%n", read.path("meterId").asText(),
            read.path("logicalDeviceName").asText(), read.path("readAt").asText(), read.path("meterClock").asText());
        Table registers = new Table("register", "value", "unit");
        read.path("registers").forEach(r -> registers.row(r.path("channel").asText(), r.path("value").asText(),
            r.path("unit").asText()));
        out.print(registers.render());
        Table intervals = new Table("channel", "interval end", "value", "unit", "status");
        read.path("intervals").forEach(i -> intervals.row(i.path("channel").asText(), i.path("end").asText(),
            i.path("value").asText(), i.path("unit").asText(), i.path("status").asText()));
        out.println();
        out.print(intervals.render());
        Table events = new Table("event", "code", "occurred");
        read.path("events").forEach(e -> events.row(e.path("type").asText(), e.path("code").asText(),
            e.path("occurredAt").asText()));
        out.println();
        out.print(events.size() == 0 ? "no events\n" : events.render());
      });
      return ExitCode.OK.code();
    }
  }

  static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? "-" : node.asText();
  }
}
