package org.adcs.headend.api.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.adcs.mdm.report.Arrival;
import org.adcs.mdm.report.DataQualityReport;
import org.adcs.mdm.report.ServiceLevelReport;
import org.adcs.mdm.report.TimelinessReport;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.recovery.ExceptionReport;
import org.adcs.scheduler.recovery.ExceptionStatistics;
import org.adcs.scheduler.report.ExceptionLine;
import org.adcs.scheduler.report.Slice;
import org.adcs.scheduler.trouble.AgingReport;

/** The reports as tables of plain values; the total of a period report is its last row, day "total". */
final class ReportTables {

  static final String TOTAL = "total";

  private static final List<String> LINE_COLUMNS = List.of("meterId", "outcome", "pattern", "missingRanges", "daysMissing",
      "daysRecovered", "stillMissingRanges", "intervalsMissing", "intervalsRecovered", "readFailures", "intermittent",
      "lastPath");

  private ReportTables() {}

  static ReportTable exceptions(String name, ExceptionReport report, Slice<ExceptionLine> lines) {
    List<List<Object>> rows = new ArrayList<>();
    for (ExceptionLine l : lines.lines()) {
      rows.add(Arrays.asList(l.meterId(), l.outcome().name(), l.pattern().name(), ranges(l.missingRanges()), l.daysMissing(),
          l.daysRecovered(), ranges(l.stillMissingRanges()), l.intervalsMissing(), l.intervalsRecovered(), l.readFailures(),
          l.intermittent(), l.lastPath()));
    }
    return new ReportTable(name, exceptionSummary(report), LINE_COLUMNS, rows, page(lines));
  }

  private static Map<String, Object> exceptionSummary(ExceptionReport report) {
    ExceptionStatistics s = report.statistics();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("previousDay", report.previousDay().toString());
    summary.put("started", report.started().toString());
    summary.put("finished", report.finished().toString());
    summary.put("scanComplete", report.scanComplete());
    summary.put("total", s.total());
    summary.put("onSchedule", s.onSchedule());
    summary.put("attempted", s.attempted());
    summary.put("recovered", s.recovered());
    summary.put("partiallyRecovered", s.partiallyRecovered());
    summary.put("failed", s.failed());
    summary.put("intermittent", s.intermittent());
    summary.put("daysMissing", s.daysMissing());
    summary.put("daysRecovered", s.daysRecovered());
    summary.put("intervalsRecovered", s.intervalsRecovered());
    summary.put("previousDayTotal", s.previousDay().total());
    summary.put("previousDayOnSchedule", s.previousDay().onSchedule());
    summary.put("previousDayRecovered", s.previousDay().recovered());
    summary.put("previousDayFailed", s.previousDay().failed());
    return summary;
  }

  static ReportTable trouble(AgingReport report, Slice<AgingReport.Line> lines) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("at", report.at().toString());
    summary.put("open", report.lines().size());
    summary.put("upToOneDay", report.upToOneDay());
    summary.put("upToOneWeek", report.upToOneWeek());
    summary.put("overOneWeek", report.overOneWeek());
    List<List<Object>> rows = new ArrayList<>();
    for (AgingReport.Line l : lines.lines()) {
      var r = l.report();
      rows.add(Arrays.asList(r.id(), r.meterId(), r.opened().toString(), r.reason().name(), ranges(r.missingRanges()),
          l.age().toHours(), l.bucket().name().toLowerCase(java.util.Locale.ROOT), r.pickupRequestId().orElse(null)));
    }
    return new ReportTable("trouble", summary, List.of("id", "meterId", "opened", "reason", "missingRanges", "ageHours",
        "ageBucket", "pickupRequestId"), rows, page(lines));
  }

  static ReportTable dataQuality(DataQualityReport r) {
    Map<String, Object> summary = period(r.from(), r.to());
    summary.put("estimatedTarget", ReportTable.share(java.util.OptionalDouble.of(DataQualityReport.ESTIMATED_TARGET)));
    summary.put("metersWithEstimateTarget",
        ReportTable.share(java.util.OptionalDouble.of(DataQualityReport.METERS_WITH_ESTIMATE_TARGET)));
    List<List<Object>> rows = new ArrayList<>();
    for (DataQualityReport.Day d : r.days()) {
      rows.add(Arrays.asList(d.day().toString(), d.expected(), d.actual(), d.estimated(), ReportTable.share(d.estimatedShare()),
          null, null, null, null));
    }
    DataQualityReport.Day t = r.total();
    rows.add(Arrays.asList(TOTAL, t.expected(), t.actual(), t.estimated(), ReportTable.share(t.estimatedShare()), r.meters(),
        r.metersWithEstimate(), ReportTable.share(r.metersWithEstimateShare()), r.targetMet().orElse(null)));
    return new ReportTable("data-quality", summary, List.of("day", "expectedIntervals", "readIntervals", "estimatedIntervals",
        "estimatedShare", "meters", "metersWithEstimate", "metersWithEstimateShare", "targetMet"), rows, null);
  }

  static ReportTable timeliness(TimelinessReport r) {
    Map<String, Object> summary = period(r.from(), r.to());
    summary.put("at", r.at().toString());
    for (int k = 0; k < Arrival.DEADLINE_DAYS.size(); k++) {
      summary.put("targetDay" + Arrival.DEADLINE_DAYS.get(k), ReportTable.share(java.util.OptionalDouble.of(Arrival.TARGETS.get(k))));
    }
    List<String> columns = new ArrayList<>(List.of("day", "expectedIntervals"));
    for (int deadline : Arrival.DEADLINE_DAYS) {
      columns.addAll(List.of("readByDay" + deadline, "shareDay" + deadline, "targetMetDay" + deadline));
    }
    List<List<Object>> rows = new ArrayList<>();
    r.days().forEach(d -> rows.add(timelinessRow(d.day().toString(), d)));
    rows.add(timelinessRow(TOTAL, r.total()));
    return new ReportTable("timeliness", summary, columns, rows, null);
  }

  private static List<Object> timelinessRow(String day, TimelinessReport.Day d) {
    List<Object> row = new ArrayList<>(List.of(day, d.expected()));
    for (int k = 0; k < Arrival.DEADLINE_DAYS.size(); k++) {
      boolean due = d.basis(k) > 0;
      row.add(due ? d.readBy(k) : null);
      row.add(ReportTable.share(d.share(k)));
      row.add(d.targetMet(k).orElse(null));
    }
    return row;
  }

  static ReportTable serviceLevels(ServiceLevelReport r) {
    Map<String, Object> summary = period(r.from(), r.to());
    summary.put("observedMinutes", r.availability().observedMinutes());
    summary.put("upMinutes", r.availability().upMinutes());
    summary.put("availability", ReportTable.share(r.availability().share()));
    List<List<Object>> rows = new ArrayList<>();
    r.days().forEach(d -> rows.add(serviceRow(d.day().toString(), d, null, null, null)));
    rows.add(serviceRow(TOTAL, r.total(), r.availability().observedMinutes(), r.availability().upMinutes(),
        ReportTable.share(r.availability().share())));
    return new ReportTable("service-levels", summary, List.of("day", "scheduledIntervals", "onScheduleIntervals",
        "lateIntervals", "missingIntervals", "estimatedIntervals", "onScheduleShare", "estimatedShare", "observedMinutes",
        "upMinutes", "availability"), rows, null);
  }

  private static List<Object> serviceRow(String day, ServiceLevelReport.Day d, Long observed, Long up, Object availability) {
    return Arrays.asList(day, d.scheduled(), d.onSchedule(), d.late(), d.missing(), d.estimated(),
        ReportTable.share(d.onScheduleShare()), ReportTable.share(d.estimatedShare()), observed, up, availability);
  }

  private static Map<String, Object> period(java.time.LocalDate from, java.time.LocalDate to) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("from", from.toString());
    summary.put("to", to.toString());
    return summary;
  }

  private static ReportTable.Page page(Slice<?> slice) {
    return new ReportTable.Page(slice.offset(), slice.total(), slice.nextOffset());
  }

  /** Day ranges as text, e.g. {@code 2026-03-01..2026-03-03 2026-03-05}. */
  static String ranges(List<DayRange> ranges) {
    return ranges.stream().map(DayRange::toString).collect(Collectors.joining(" "));
  }
}
