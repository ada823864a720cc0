package org.adcs.headend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.api.HttpsContext;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The real {@code adcs} binary (head-end/cli/adcs, the launcher of the shaded jar) against the real
 * system over HTTPS with its development certificate, with simulated meters on real sockets: log in,
 * show a meter, read it on demand (tables and --json), set, list and cancel a schedule, run a mass
 * read to completion following its progress; and the exit codes scripts rely on for bad arguments,
 * unknown meters, a bad token and an unreachable server (issue 10, "CLI").
 */
class CliIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int METERS = 3;

  @Test
  void operatorsWorkTheSystemFromTheCommandLine() throws Exception {
    Path launcher = Path.of(System.getProperty("adcs.cli.launcher", "cli/adcs")).toAbsolutePath();
    assertTrue(Files.isExecutable(launcher), "the adcs launcher is built by the cli module: " + launcher);
    Map<String, String> env = TestNodes.forSimulatedMeters("cli", "adcs_cli_it");
    env.put("ADCS_HTTP_TLS_MODE", "development");
    EventLoopGroup group = new NioEventLoopGroup(1);
    Path config = Files.createTempDirectory(Path.of("target"), "adcs-cli-config-");
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      ApiClient api = new ApiClient(headEnd.httpUrl(), TestNodes.trusting(headEnd.settings().dataDirectory()));
      String password = "cli-operator-password-1";
      var created = api.send("POST", "/api/v1/admin/principals", api.adminToken(), JSON.createObjectNode()
          .put("name", "cli-operator").put("role", "operator").put("password", password).toString());
      assertEquals(201, created.statusCode(), created.body());
      Path trust = HttpsContext.developmentKeystore(headEnd.settings().dataDirectory());
      Adcs adcs = new Adcs(launcher, Map.of("ADCS_SERVER", headEnd.httpUrl(), "ADCS_TRUST", trust.toString(),
          "ADCS_CONFIG_DIR", config.toString()));

      Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      try (Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(31, start.minus(Duration.ofDays(2))), METERS,
          headEnd.meterPort().address()), new ManualClock(start), group)) {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (headEnd.meterPort().connected().count() < METERS && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        String meter = fleet.meter(0).name();

        // Not logged in yet: a clear "not authorised" (4).
        Run anonymous = adcs.run("meter", "show", meter);
        assertEquals(4, anonymous.exit(), anonymous.toString());
        assertTrue(anonymous.err().contains("adcs login"), anonymous.err());

        // Log in (password on stdin); later commands use the kept session.
        Run login = adcs.runWithInput(password + "\n", "login", "--user", "cli-operator", "--password-stdin");
        assertEquals(0, login.exit(), login.toString());
        assertTrue(login.out().contains("logged in"), login.out());

        Run show = adcs.run("meter", "show", meter);
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.out().contains(meter) && show.out().contains("METER_CONNECTS") && show.out().contains("unscheduled"),
            show.out());

        // On-demand read: a table for people, the API's document for scripts, the same values.
        Run read = adcs.run("meter", "read", meter);
        assertEquals(0, read.exit(), read.toString());
        Run readJson = adcs.run("meter", "read", meter, "--json");
        assertEquals(0, readJson.exit(), readJson.toString());
        JsonNode document = JSON.readTree(readJson.out());
        assertEquals(meter, document.get("meterId").asText());
        assertTrue(document.get("registers").size() >= 1, document.toString());
        for (JsonNode register : document.get("registers")) {
          assertTrue(read.out().contains(register.get("channel").asText()), read.out());
        }
        Run asyncRead = adcs.run("meter", "read", meter, "--async", "--json");
        assertEquals(0, asyncRead.exit(), asyncRead.toString());
        assertEquals(meter, JSON.readTree(asyncRead.out()).get("meterId").asText());

        // Schedules: set (the caller is the source), listed once the meter acknowledged it, cancelled.
        Run set = adcs.run("schedule", "set", meter, "--id", "cli-peak", "--start", "07:00", "--end", "21:00", "--every",
            "PT2H", "--from", LocalDate.now(ZoneOffset.UTC).toString(), "--reason", "winter peak");
        assertEquals(0, set.exit(), set.toString());
        assertTrue(set.out().contains("set by cli-operator"), set.out());
        JsonNode schedules = null;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
          schedules = JSON.readTree(adcs.run("schedule", "list", meter, "--json").out());
          if (schedules.get("nonDefault").size() == 1 && schedules.get("nonDefault").get(0).get("acknowledged").asBoolean()) {
            break;
          }
          TimeUnit.MILLISECONDS.sleep(200);
        }
        assertEquals("cli-operator", schedules.get("nonDefault").get(0).get("setBy").asText(), schedules.toString());
        assertTrue(schedules.get("nonDefault").get(0).get("acknowledged").asBoolean(), schedules.toString());
        Run table = adcs.run("schedule", "list", meter);
        assertTrue(table.out().contains("cli-peak") && table.out().contains("PT2H"), table.out());
        assertEquals(0, adcs.run("schedule", "cancel", meter, "cli-peak").exit());
        Run cancelledTwice = adcs.run("schedule", "cancel", meter, "cli-peak");
        assertEquals(5, cancelledTwice.exit(), cancelledTwice.toString());
        Run badSchedule = adcs.run("schedule", "set", meter, "--id", "x", "--start", "7am", "--every", "PT1H", "--from",
            "2026-12-01");
        assertEquals(6, badSchedule.exit(), badSchedule.toString());
        assertTrue(badSchedule.err().contains("start must be a time of day"), badSchedule.err());

        // A mass read of yesterday for every meter, followed to the end through its progress bar.
        String yesterday = LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(1).toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < METERS; i++) {
          ids.add(fleet.meter(i).name());
        }
        Run mass = adcs.run("mass-read", "start", "--meters", String.join(",", ids), "--from", yesterday, "--to", yesterday,
            "--follow", "--poll-seconds", "1");
        assertEquals(0, mass.exit(), mass.toString());
        assertTrue(mass.out().contains("%") && mass.out().contains("[") && mass.out().contains("completed: " + METERS
            + " meters read, 0 failed"), mass.out());
        Run jobs = adcs.run("mass-read", "list");
        assertEquals(0, jobs.exit(), jobs.toString());
        assertTrue(jobs.out().contains("COMPLETED"), jobs.out());

        Run groups = adcs.run("read-groups");
        assertEquals(0, groups.exit(), groups.toString());

        // Reports: a table for people, the API's CSV and JSON for scripts; bad parameters refused (6).
        Run trouble = adcs.run("report", "trouble");
        assertEquals(0, trouble.exit(), trouble.toString());
        assertTrue(trouble.out().lines().skip(1).findFirst().orElse("").startsWith("--"), "a table: " + trouble.out());
        Run quality = adcs.run("report", "data-quality", "--from", yesterday, "--to", yesterday, "--csv");
        assertEquals(0, quality.exit(), quality.toString());
        assertTrue(quality.out().lines().findFirst().orElse("").contains(","), "CSV: " + quality.out());
        Run timeliness = adcs.run("report", "timeliness", "--from", yesterday, "--to", yesterday, "--json");
        assertEquals(0, timeliness.exit(), timeliness.toString());
        assertTrue(JSON.readTree(timeliness.out()).isObject(), timeliness.out());
        Run badPeriod = adcs.run("report", "service-levels", "--from", "2026-13-01", "--to", yesterday);
        assertEquals(6, badPeriod.exit(), badPeriod.toString());
        assertEquals(2, adcs.run("report", "no-such-report").exit(), "an unknown report is a usage error");

        // A pickup read (R-FLD-1, R-FLD-2): issued, listed, the field dump uploaded and stored; a tampered one refused.
        String picked = fleet.meter(1).name();
        Run issued = adcs.run("pickup", "issue", picked, "--reason", "no data for 3 days", "--json");
        assertEquals(0, issued.exit(), issued.toString());
        String requestId = JSON.readTree(issued.out()).get("id").asText();
        Run open = adcs.run("pickup", "list", "--meter", picked);
        assertEquals(0, open.exit(), open.toString());
        assertTrue(open.out().contains(requestId) && open.out().contains("no data for 3 days"), open.out());
        byte[] dump = org.adcs.simulator.field.FieldDump.write(fleet.meter(1), start);
        byte[] tampered = dump.clone();
        tampered[tampered.length / 2] ^= 0x04;
        Path dumpFile = Files.write(config.resolve("meter.dump"), dump);
        Path tamperedFile = Files.write(config.resolve("tampered.dump"), tampered);
        Run refused = adcs.run("pickup", "upload", requestId, tamperedFile.toString());
        assertEquals(6, refused.exit(), refused.toString());
        Run uploaded = adcs.run("pickup", "upload", requestId, dumpFile.toString());
        assertEquals(0, uploaded.exit(), uploaded.toString());
        assertTrue(uploaded.out().contains("stored (source FIELD)") && uploaded.out().contains("closed"), uploaded.out());
        assertEquals(2, adcs.run("pickup", "upload", requestId, config.resolve("missing.dump").toString()).exit());

        // Exit codes scripts rely on.
        assertEquals(5, adcs.run("meter", "show", "NO-SUCH-METER").exit());
        assertEquals(2, adcs.run("meter", "show").exit(), "a missing argument is a usage error");
        assertEquals(2, adcs.run("mass-read", "start", "--group", "1", "--missing", "--from", yesterday, "--to",
            yesterday).exit(), "two targets at once");
        Run badToken = adcs.run("meter", "show", meter, "--token", "not-a-token");
        assertEquals(4, badToken.exit(), badToken.toString());
        Run unreachable = adcs.run("meter", "show", meter, "--server", "https://127.0.0.1:1");
        assertEquals(3, unreachable.exit(), unreachable.toString());
        assertTrue(unreachable.err().contains("cannot connect"), unreachable.err());
        Run untrusted = new Adcs(launcher, Map.of("ADCS_SERVER", headEnd.httpUrl(), "ADCS_CONFIG_DIR", config.toString()))
            .run("meter", "show", meter);
        assertEquals(3, untrusted.exit(), untrusted.toString());
        assertTrue(untrusted.err().contains("--trust"), untrusted.err());

        Run logout = adcs.run("logout");
        assertEquals(0, logout.exit(), logout.toString());
        assertEquals(4, adcs.run("meter", "show", meter).exit(), "the session is gone after logout");
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** The binary run as a process with a given environment (nothing of the test JVM's own). */
  private record Adcs(Path launcher, Map<String, String> environment) {

    Run run(String... args) throws IOException, InterruptedException {
      return runWithInput("", args);
    }

    Run runWithInput(String input, String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(launcher.toString());
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> env = builder.environment();
      Map<String, String> keep = new HashMap<>();
      for (String name : List.of("PATH", "JAVA_HOME", "HOME")) {
        if (env.containsKey(name)) {
          keep.put(name, env.get(name));
        }
      }
      env.clear();
      env.putAll(keep);
      env.putAll(environment);
      Path out = Files.createTempFile(Path.of("target"), "adcs-out-", ".txt");
      Path err = Files.createTempFile(Path.of("target"), "adcs-err-", ".txt");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("adcs " + String.join(" ", args) + " did not end in 5 minutes");
      }
      return new Run(String.join(" ", args), process.exitValue(), Files.readString(out), Files.readString(err));
    }
  }

  private record Run(String command, int exit, String out, String err) {
    @Override
    public String toString() {
      return "adcs " + command + " -> " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
