package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The read groups of the collection window and how many meters each holds (R-SCH-2). */
@Command(name = "read-groups", description = "Read groups and their meter counts.")
public final class ReadGroupsCommand implements Callable<Integer> {

  @Mixin
  Connection connection;

  @Override
  public Integer call() {
    JsonNode groups = connection.api().get("/api/v1/read-groups");
    connection.print(groups, () -> {
      Table table = new Table("group", "meters");
      groups.path("groups").forEach(g -> table.row(g.path("group").asInt(), g.path("meters").asInt()));
      connection.out().print(table.render());
      connection.out().printf("%,d meters scheduled; self-registered ones: %s%n", groups.path("scheduledMeters").asInt(),
          groups.path("unscheduled").asText());
    });
    return ExitCode.OK.code();
  }
}
