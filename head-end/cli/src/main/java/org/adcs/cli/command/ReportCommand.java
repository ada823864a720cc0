package org.adcs.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.adcs.cli.http.Api;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.output.Csv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The morning reports (R-MIS-1, R-MIS-2, R-MIS-4, R-VEE-4, R-OPS-5): a table by default, the API's CSV
 * with {@code --csv}, its JSON with {@code --json}. Parameters are checked by the server, which says
 * what is wrong (exit 6).
 */
@Command(name = "report", description = "Show a report: exceptions, recoveries, trouble, data-quality, timeliness,"
    + " service-levels.")
public final class ReportCommand implements Callable<Integer> {

  enum Report { exceptions, recoveries, trouble, data_quality, timeliness, service_levels }

  @Mixin
  Connection connection;

  @Parameters(paramLabel = "REPORT", description = "one of: exceptions, recoveries, trouble, data-quality, timeliness,"
      + " service-levels", converter = ReportName.class)
  Report report;

  @Option(names = "--date", description = "the read day (exceptions, recoveries), e.g. 2026-11-22")
  String date;

  @Option(names = "--from", description = "first day of the period (data-quality, timeliness, service-levels)")
  String from;

  @Option(names = "--to", description = "last day of the period")
  String to;

  @Option(names = "--outcome", description = "recoveries: recovered, partially_recovered or failed")
  String outcome;

  @Option(names = "--age", description = "trouble: day, week or older")
  String age;

  @Option(names = "--offset", description = "first row of the page")
  Integer offset;

  @Option(names = "--limit", description = "rows in the page")
  Integer limit;

  @Option(names = "--csv", description = "print the report as CSV")
  boolean csv;

  static final class ReportName implements picocli.CommandLine.ITypeConverter<Report> {
    @Override
    public Report convert(String value) {
      return Report.valueOf(value.replace('-', '_'));
    }
  }

  @Override
  public Integer call() {
    List<String> query = new ArrayList<>();
    add(query, "date", date);
    add(query, "from", from);
    add(query, "to", to);
    add(query, "outcome", outcome);
    add(query, "age", age);
    add(query, "offset", offset == null ? null : offset.toString());
    add(query, "limit", limit == null ? null : limit.toString());
    String path = "/api/v1/reports/" + report.name().replace('_', '-');
    Api api = connection.api();
    if (connection.json) {
      connection.out().println(api.get(path + queryString(query)).toString());
      return ExitCode.OK.code();
    }
    query.add("format=csv");
    String text = api.text(path + queryString(query), "text/csv");
    connection.out().print(csv ? text : Csv.table(text).render());
    connection.out().flush();
    return ExitCode.OK.code();
  }

  private static void add(List<String> query, String name, String value) {
    if (value != null) {
      query.add(name + "=" + Api.query(value));
    }
  }

  private static String queryString(List<String> query) {
    return query.isEmpty() ? "" : "?" + String.join("&", query);
  }
}
