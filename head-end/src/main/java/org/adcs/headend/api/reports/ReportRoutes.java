package org.adcs.headend.api.reports;

import akka.actor.typed.javadsl.AskPattern;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.adcs.headend.api.Problems;
import org.adcs.mdm.report.DataQualityReport;
import org.adcs.mdm.report.ServiceLevelReport;
import org.adcs.mdm.report.TimelinessReport;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.RecoveryOutcome;
import org.adcs.scheduler.report.AgingView;
import org.adcs.scheduler.report.ExceptionReportView;
import org.adcs.scheduler.trouble.AgingReport;
import org.adcs.scheduler.trouble.TroubleDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' reports (R-MIS-1, R-MIS-2, R-MIS-4, R-VEE-4, R-OPS-5), each as JSON or CSV
 * ({@code format=json|csv} or {@code Accept: text/csv}):
 * <ul>
 *   <li>{@code GET /api/v1/reports/exceptions?date=}: the meters still missing data after the morning's
 *       recovery of {@code date} (the previous day the run checked; default the newest run), paged</li>
 *   <li>{@code GET /api/v1/reports/recoveries?date=&outcome=}: every meter recovery was attempted for</li>
 *   <li>{@code GET /api/v1/reports/trouble?status=open&age=}: the open trouble reports with their age</li>
 *   <li>{@code GET /api/v1/reports/data-quality?from=&to=}: estimated share against the targets</li>
 *   <li>{@code GET /api/v1/reports/timeliness?from=&to=}: intervals read by day 1, 2 and 5</li>
 *   <li>{@code GET /api/v1/reports/service-levels?from=&to=}: scheduled against actual delivery,
 *       estimated usage, server availability</li>
 * </ul>
 * Line reports page with {@code offset} and {@code limit}. Errors are RFC 7807 problems: 400 for a
 * parameter that is not valid, 404 when no exception report exists for the day, 503 when the store
 * or the trouble desk does not answer.
 */
public final class ReportRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ReportRoutes.class);
  private static final Duration DESK_TIMEOUT = Duration.ofSeconds(10);
  private static final akka.http.javadsl.model.ContentType.WithCharset CSV =
      ContentTypes.create(MediaTypes.TEXT_CSV, HttpCharsets.UTF_8);

  private final ReportSources sources;
  private final ObjectMapper json;
  private final Problems problems;

  public ReportRoutes(ReportSources sources, ObjectMapper json) {
    this.sources = sources;
    this.json = json;
    this.problems = new Problems(json);
  }

  private interface Handler {
    CompletionStage<Answer> answer(ReportQuery query) throws ReportQuery.Invalid;
  }

  /** A table, or a problem such as "no report for that day". */
  private record Answer(ReportTable table, HttpResponse problem) {}

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("reports", () -> concat(
        report("exceptions", this::exceptions),
        report("recoveries", this::recoveries),
        report("trouble", this::trouble),
        report("data-quality", this::dataQuality),
        report("timeliness", this::timeliness),
        report("service-levels", this::serviceLevels)))));
  }

  private Route report(String name, Handler handler) {
    return path(name, () -> concat(
        get(() -> extractRequest(request -> {
          ReportQuery query = ReportQuery.of(request);
          ReportQuery.Format format;
          CompletionStage<Answer> answer;
          try {
            format = query.format();
            answer = handler.answer(query);
          } catch (ReportQuery.Invalid e) {
            return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid report request", e.getMessage()));
          }
          return onComplete(answer, result -> {
            if (result.isFailure()) {
              Throwable cause = rootCause(result.failed().get());
              log.warn("report {} failed: {}", name, cause.toString());
              return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Report unavailable",
                  "the " + name + " report could not be computed now (" + cause.getClass().getSimpleName() + "); try again"));
            }
            Answer a = result.get();
            return a.problem() != null ? complete(a.problem()) : complete(render(a.table(), format));
          });
        })),
        complete(problems.of(StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed", "reports are read with GET"))));
  }

  private HttpResponse render(ReportTable table, ReportQuery.Format format) {
    return switch (format) {
      case JSON -> HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, table.toJson(json).toString()));
      case CSV -> HttpResponse.create().withEntity(HttpEntities.create(CSV, table.toCsv()));
    };
  }

  private CompletionStage<Answer> exceptions(ReportQuery query) throws ReportQuery.Invalid {
    int offset = query.offset();
    int limit = query.limit();
    return exceptionReport(query.date("date"), (view, report) ->
        ReportTables.exceptions("exceptions", report, view.exceptions(offset, limit)));
  }

  private CompletionStage<Answer> recoveries(ReportQuery query) throws ReportQuery.Invalid {
    int offset = query.offset();
    int limit = query.limit();
    Optional<RecoveryOutcome> outcome = query.choice("outcome", List.of("recovered", "partially_recovered", "failed"),
        text -> RecoveryOutcome.valueOf(text.toUpperCase(Locale.ROOT)));
    return exceptionReport(query.date("date"), (view, report) ->
        ReportTables.exceptions("recoveries", report, view.recoveries(outcome, offset, limit)));
  }

  private CompletionStage<Answer> exceptionReport(Optional<LocalDate> date,
      java.util.function.BiFunction<ExceptionReportView, ExceptionReport, ReportTable> table) {
    CompletionStage<Optional<LocalDate>> day = date.isPresent() ? CompletableFuture.completedFuture(date)
        : sources.runs().lastCompletenessRun();
    return day.thenCompose(d -> d.isEmpty() ? CompletableFuture.completedFuture(Optional.<ExceptionReport>empty())
            : sources.runs().exceptionReport(d.get()))
        .thenApply(found -> found.map(report -> new Answer(table.apply(new ExceptionReportView(report), report), null))
            .orElseGet(() -> new Answer(null, problems.of(StatusCodes.NOT_FOUND, "No exception report",
                date.map(d -> "no completeness run has checked " + d + " (the morning run checks the previous day)")
                    .orElse("no completeness run has saved a report yet")))));
  }

  private CompletionStage<Answer> trouble(ReportQuery query) throws ReportQuery.Invalid {
    // The trouble desk keeps the open reports; a closed one lives on only in its journal.
    query.choice("status", List.of("open"), s -> s);
    Optional<AgingReport.Bucket> age = query.choice("age", List.of("day", "week", "older"),
        text -> AgingReport.Bucket.valueOf(text.toUpperCase(Locale.ROOT)));
    int offset = query.offset();
    int limit = query.limit();
    return AskPattern.<TroubleDesk.Command, AgingReport>ask(sources.troubleDesk(), TroubleDesk.GetAgingReport::new,
            DESK_TIMEOUT, sources.scheduler())
        .thenApply(report -> new Answer(ReportTables.trouble(report, new AgingView(report).lines(age, offset, limit)), null));
  }

  private CompletionStage<Answer> dataQuality(ReportQuery query) throws ReportQuery.Invalid {
    ReportQuery.Period p = query.period();
    return sources.deliveries().tally(p.from(), p.to())
        .thenApply(t -> new Answer(ReportTables.dataQuality(DataQualityReport.of(p.from(), p.to(), t)), null));
  }

  private CompletionStage<Answer> timeliness(ReportQuery query) throws ReportQuery.Invalid {
    ReportQuery.Period p = query.period();
    return sources.deliveries().tally(p.from(), p.to()).thenApply(t -> new Answer(ReportTables.timeliness(
        TimelinessReport.of(p.from(), p.to(), t, sources.dataClock().instant(), sources.standardTime())), null));
  }

  private CompletionStage<Answer> serviceLevels(ReportQuery query) throws ReportQuery.Invalid {
    ReportQuery.Period p = query.period();
    Instant from = p.from().atStartOfDay().toInstant(sources.standardTime());
    Instant to = p.to().plusDays(1).atStartOfDay().toInstant(sources.standardTime());
    var availability = sources.uptime().availability(from, to, sources.systemClock().instant()).toCompletableFuture();
    return sources.deliveries().tally(p.from(), p.to()).thenCombine(availability, (t, a) ->
        new Answer(ReportTables.serviceLevels(ServiceLevelReport.of(p.from(), p.to(), t, a)), null));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
