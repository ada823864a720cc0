package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.adcs.cli.http.Api;
import org.adcs.cli.http.ApiFailure;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.output.ProgressBar;
import org.adcs.cli.output.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Mass on-demand reads (R-OD-3): start, follow with a progress bar, list, cancel. */
@Command(name = "mass-read", description = "Start, follow, list or cancel mass reads.",
    subcommands = {MassReadCommand.Start.class, MassReadCommand.Show.class, MassReadCommand.ListJobs.class,
        MassReadCommand.Cancel.class})
public final class MassReadCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether and how often to show a job's progress until it ends. */
  static final class Following {
    @Option(names = "--follow", description = "show its progress until it ends")
    boolean follow;

    @Option(names = "--poll-seconds", description = "seconds between progress updates (default: ${DEFAULT-VALUE})")
    int pollSeconds = 2;
  }

  static final class Target {
    @Option(names = "--missing", required = true, description = "the meters missing data in the timeframe")
    boolean missing;

    @Option(names = "--group", required = true, description = "the members of one read group")
    Integer group;

    @Option(names = "--meters", required = true, split = ",", description = "meter ids, comma separated")
    List<String> meters;

    @Option(names = "--meters-file", required = true, description = "a file with one meter id per line")
    Path metersFile;
  }

  @Command(name = "start", description = "Start a mass read of one timeframe (meter standard-time days, both included).")
  static final class Start implements Callable<Integer> {

    @Mixin
    Connection connection;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--from", required = true, description = "first day, e.g. 2026-11-20")
    String from;

    @Option(names = "--to", required = true, description = "last day, e.g. 2026-11-22")
    String to;

    @Option(names = "--concurrency", description = "reads in flight at most (default: the server's)")
    Integer concurrency;

    @Mixin
    Following following;

    @Override
    public Integer call() throws InterruptedException {
      ObjectNode body = JSON.createObjectNode().put("from", from).put("to", to);
      if (target.missing) {
        body.put("target", "missing-data");
      } else if (target.group != null) {
        body.put("target", "read-group").put("group", target.group);
      } else {
        body.put("target", "meters");
        ArrayNode ids = body.putArray("meterIds");
        meterIds().forEach(ids::add);
      }
      if (concurrency != null) {
        body.put("concurrency", concurrency);
      }
      Api api = connection.api();
      JsonNode started = api.post("/api/v1/mass-reads", body).body();
      String jobId = started.path("jobId").asText();
      if (!following.follow) {
        connection.print(started, () -> connection.out().printf("mass read %s started; follow it with: adcs mass-read show"
            + " %s --follow%n", jobId, jobId));
        return ExitCode.OK.code();
      }
      if (!connection.json) {
        connection.out().printf("mass read %s started%n", jobId);
      }
      return MassReadCommand.follow(connection, api, jobId, following.pollSeconds);
    }

    private List<String> meterIds() {
      if (target.meters != null) {
        return target.meters.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      }
      try {
        return Files.readAllLines(target.metersFile).stream().map(String::strip)
            .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
      } catch (IOException e) {
        throw new ApiFailure(ExitCode.USAGE, "cannot read --meters-file " + target.metersFile + ": " + e.getMessage());
      }
    }
  }

  @Command(name = "show", description = "A mass read's progress, once or (--follow) until it ends.")
  static final class Show implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "JOB-ID")
    String jobId;

    @Mixin
    Following following;

    @Override
    public Integer call() throws InterruptedException {
      Api api = connection.api();
      if (following.follow) {
        return MassReadCommand.follow(connection, api, jobId, following.pollSeconds);
      }
      JsonNode job = api.get("/api/v1/mass-reads/" + Api.query(jobId));
      connection.print(job, () -> connection.out().println(line(job)));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "list", description = "Running mass reads, then the last ended ones.")
  static final class ListJobs implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Override
    public Integer call() {
      JsonNode jobs = connection.api().get("/api/v1/mass-reads");
      connection.print(jobs, () -> {
        Table table = new Table("job", "state", "found", "done", "failed", "remaining", "reads/min", "estimated end");
        jobs.path("jobs").forEach(j -> table.row(j.path("jobId").asText(), j.path("state").asText(),
            j.path("found").asLong() + (j.path("allFound").asBoolean() ? "" : "+"), j.path("done").asLong(),
            j.path("failed").asLong(), j.path("remaining").asLong(), j.path("readsPerMinute").asText(),
            MeterCommand.text(j.get("estimatedEnd"))));
        connection.out().print(table.size() == 0 ? "no mass reads\n" : table.render());
      });
      return ExitCode.OK.code();
    }
  }

  @Command(name = "cancel", description = "Cancel a running mass read; reads already out finish.")
  static final class Cancel implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "JOB-ID")
    String jobId;

    @Override
    public Integer call() {
      JsonNode job = connection.api().send("DELETE", "/api/v1/mass-reads/" + Api.query(jobId), null,
          java.util.Optional.empty()).body();
      connection.print(job, () -> connection.out().printf("mass read %s cancelling: %s%n", jobId, line(job)));
      return ExitCode.OK.code();
    }
  }

  /**
   * Polls until the job ends: a progress bar redrawn in place on a terminal, a line per update
   * otherwise (with --json, one JSON document per update). 0 when every meter was read, 1 otherwise.
   */
  static int follow(Connection connection, Api api, String jobId, int pollSeconds) throws InterruptedException {
    if (pollSeconds < 1) {
      throw new ApiFailure(ExitCode.USAGE, "--poll-seconds is at least 1");
    }
    boolean terminal = System.console() != null && !connection.json;
    var out = connection.out();
    JsonNode job;
    while (true) {
      job = api.get("/api/v1/mass-reads/" + Api.query(jobId));
      if (connection.json) {
        out.println(job.toString());
      } else if (terminal) {
        out.print("\r" + line(job));
      } else {
        out.println(line(job));
      }
      out.flush();
      if (!job.path("state").asText().equals("RUNNING")) {
        break;
      }
      Thread.sleep(pollSeconds * 1000L);
    }
    if (terminal) {
      out.println();
    }
    boolean complete = job.path("state").asText().equals("COMPLETED") && job.path("failed").asLong() == 0;
    if (!connection.json) {
      out.printf("mass read %s %s: %,d meters read, %,d failed%n", jobId, job.path("state").asText().toLowerCase(),
          job.path("done").asLong(), job.path("failed").asLong());
    }
    return complete ? ExitCode.OK.code() : ExitCode.INCOMPLETE.code();
  }

  static String line(JsonNode job) {
    String state = job.path("state").asText();
    return ProgressBar.line(job.path("allFound").asBoolean() ? state : state + " (still finding meters)",
        job.path("done").asLong(), job.path("failed").asLong(), job.path("found").asLong(),
        job.path("readsPerMinute").asDouble(), job.path("estimatedEnd").isTextual() ? job.path("estimatedEnd").asText() : null);
  }
}
