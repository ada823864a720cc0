package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.adcs.cli.http.Api;
import org.adcs.cli.http.ApiFailure;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Field pickup reads (R-FLD-1, R-FLD-2): work orders listed and issued, a meter's memory dump uploaded. */
@Command(name = "pickup", description = "List or issue pickup requests and upload a meter's field dump.",
    subcommands = {PickupCommand.ListRequests.class, PickupCommand.Issue.class, PickupCommand.Upload.class})
public final class PickupCommand {

  /** The most a dump may be, as the head-end takes it: checked here so a wrong file is not sent at all. */
  static final long MAX_DUMP_BYTES = 8L << 20;

  @Command(name = "list", description = "Pickup requests (open ones unless --status says otherwise).")
  static final class ListRequests implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--meter", description = "only this meter's")
    String meter;

    @Option(names = "--status", description = "open (default), closed or all")
    String status = "open";

    @Option(names = "--offset", description = "first row of the page (default: ${DEFAULT-VALUE})")
    int offset;

    @Option(names = "--limit", description = "rows in the page (default: ${DEFAULT-VALUE})")
    int limit = 100;

    @Override
    public Integer call() {
      String path = "/api/v1/pickup-requests?status=" + Api.query(status) + "&offset=" + offset + "&limit=" + limit
          + (meter == null ? "" : "&meter=" + Api.query(meter));
      JsonNode page = connection.api().get(path);
      connection.print(page, () -> {
        Table table = new Table("request", "meter", "status", "raised", "closed", "reason");
        page.path("requests").forEach(r -> table.row(r.path("id").asText(), r.path("meterId").asText(),
            r.path("status").asText(), r.path("raised").asText(), MeterCommand.text(r.get("closed")),
            r.path("reason").asText()));
        connection.out().print(table.size() == 0 ? "no pickup requests\n" : table.render());
        connection.out().printf("%d of %d shown%n", table.size(), page.path("total").asInt());
      });
      return ExitCode.OK.code();
    }
  }

  @Command(name = "issue", description = "Issue a pickup request for a meter (a crew goes to read it on site).")
  static final class Issue implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "METER-ID")
    String meterId;

    @Option(names = "--reason", required = true, description = "why a crew goes")
    String reason;

    @Override
    public Integer call() {
      JsonNode body = new ObjectMapper().createObjectNode().put("meterId", meterId).put("reason", reason);
      JsonNode request = connection.api().post("/api/v1/pickup-requests", body).body();
      connection.print(request, () -> connection.out().printf("pickup request %s issued for meter %s%n",
          request.path("id").asText(), meterId));
      return ExitCode.OK.code();
    }
  }

  @Command(name = "upload", description = "Upload the memory dump a field tool took; the request closes when it is stored.")
  static final class Upload implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "REQUEST-ID")
    String requestId;

    @Parameters(index = "1", paramLabel = "DUMP-FILE")
    Path file;

    @Override
    public Integer call() {
      byte[] dump;
      try {
        if (Files.size(file) > MAX_DUMP_BYTES) {
          throw new ApiFailure(ExitCode.USAGE, file + " is " + Files.size(file) + " bytes; a field dump is at most "
              + MAX_DUMP_BYTES + " bytes");
        }
        dump = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new ApiFailure(ExitCode.USAGE, "cannot read the dump " + file + ": " + e.getMessage());
      }
      JsonNode stored = connection.api().upload("/api/v1/pickup-requests/" + Api.query(requestId) + "/dump", dump).body();
      JsonNode summary = stored.path("stored");
      connection.print(stored, () -> connection.out().printf("dump of meter %s stored (source %s): %s intervals,"
              + " %s registers, %s events; request %s %s%n", stored.at("/request/meterId").asText("?"),
          summary.path("source").asText("?"), summary.path("intervals").asText("?"), summary.path("registers").asText("?"),
          summary.path("events").asText("?"), requestId, stored.at("/request/status").asText("?")));
      return ExitCode.OK.code();
    }
  }
}
