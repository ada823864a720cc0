package org.adcs.headend.api.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports against the real system (R-MIS-1, R-MIS-2, R-MIS-4, R-VEE-4, R-OPS-5): a head-end with
 * the real H2 journal and the shared Cassandra node; days of four meters go in through the meter
 * entities, the journal, the MDM bridge and VEE; the scheduler's own morning run (its time set a few
 * minutes after start) checks them, tries recovery (the meters are not connected, so it fails) and
 * opens trouble reports. Each report's figures are checked against what was delivered, JSON against
 * CSV value by value, and the roles that may not read reports get 403.
 */
class ReportsIT {

  private static final Duration ASK = Duration.ofSeconds(15);
  private static final int LOOKBACK = 12;
  private static final int N = 96;
  private static final List<String> CHANNELS = List.of("active-import", "active-export");

  private static final String ON_TIME = "RP-1";
  private static final String LATE = "RP-2";
  private static final String GAP = "RP-3";
  private static final String HALVES = "RP-4";
  private static final List<String> METERS = List.of(ON_TIME, LATE, GAP, HALVES);

  /** The meters' standard time: chosen so that it is about noon there, clear of the window and of midnight. */
  private static ZoneOffset zone;
  private static LocalDate today;
  private static LocalDate dayA;
  private static LocalDate dayB;
  private static HeadEnd headEnd;
  private static Instant started;
  private static ApiClient api;
  private static String operator;

  @BeforeAll
  static void startAndCollect() throws Exception {
    int utcHour = LocalTime.now(ZoneOffset.UTC).getHour();
    int offset = 12 - utcHour;
    zone = ZoneOffset.ofHours(offset < -12 ? offset + 24 : offset);
    LocalDateTime localNow = LocalDateTime.now(zone);
    today = localNow.toLocalDate();
    dayA = today.minusDays(10);
    dayB = today.minusDays(9);
    // The morning run a few minutes from now; nothing recorded before, so no catch-up at start.
    String runAt = localNow.toLocalTime().plusMinutes(3).format(DateTimeFormatter.ofPattern("HH:mm"));
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("reports"), "adcs_reports_it");
    env.put("ADCS_METERS_STANDARD_TIME", zone.getId().equals("Z") ? "+00:00" : zone.getId());
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("adcs.scheduler.completeness.at", runAt);
    overrides.put("adcs.scheduler.completeness.lookback-days", LOOKBACK);
    overrides.put("adcs.scheduler.completeness.max-attempts", 1);
    overrides.put("adcs.scheduler.completeness.retry-delay", "1s");
    overrides.put("adcs.scheduling.read-timeout", "3s");
    overrides.put("adcs.scheduling.clock-check-every", "2s");
    started = Instant.now();
    headEnd = HeadEnd.start(TestNodes.settings(env, overrides));
    api = new ApiClient(headEnd.httpUrl());
    operator = api.tokenFor("report-operator", "operator");

    for (String meter : METERS) {
      accepted(meter, r -> new Meter.Announce(new Registration(meter, "LDN" + meter, "dlms-lls", ConnectionKind.METER_CONNECTS, null,
          "lls/" + meter), at(dayA.minusDays(1), 12, 0), null, r));
    }
    // On time: both days complete at 01:00 the day after.
    accepted(ON_TIME, r -> new Meter.Collect(delivery(at(dayA.plusDays(1), 1, 0), dayA, 0, N, -1, -1), r));
    accepted(ON_TIME, r -> new Meter.Collect(delivery(at(dayB.plusDays(1), 1, 0), dayB, 0, N, -1, -1), r));
    // Late: day A complete on day 3 after it (in time for day 5 only); day B never.
    accepted(LATE, r -> new Meter.Collect(delivery(at(dayA.plusDays(3), 9, 0), dayA, 0, N, -1, -1), r));
    // A one-hour gap, which VEE estimates: day A read on day 1, 92 intervals.
    accepted(GAP, r -> new Meter.Collect(delivery(at(dayA.plusDays(1), 2, 0), dayA, 0, N, 40, 44), r));
    // Halves: the first on day 1, the second on day 2 after day A.
    accepted(HALVES, r -> new Meter.Collect(delivery(at(dayA.plusDays(1), 1, 30), dayA, 0, 48, -1, -1), r));
    accepted(HALVES, r -> new Meter.Collect(delivery(at(dayA.plusDays(2), 10, 0), dayA, 48, N, -1, -1), r));
  }

  @AfterAll
  static void stop() {
    if (headEnd != null) {
      headEnd.close();
    }
  }

  @Test
  void dataQualityCountsTheEstimatesVeeMade_R_VEE_4() {
    long estimatedInStore = awaitEstimates();
    assertTrue(estimatedInStore > 0, "VEE estimated the one-hour gap");
    String query = "/api/v1/reports/data-quality?from=" + dayA + "&to=" + dayB;
    JsonNode total = eventuallyTotal(query, t -> t.get("readIntervals").asLong() == 760 + 192);
    assertEquals(10 * N, total.get("expectedIntervals").asLong(), "8 channel-days on A, 2 on B");
    assertEquals(estimatedInStore, total.get("estimatedIntervals").asLong());
    assertEquals(4, total.get("meters").asLong());
    assertEquals(1, total.get("metersWithEstimate").asLong());
    assertEquals(share(estimatedInStore, 10 * N), total.get("estimatedShare").decimalValue());
    assertEquals(new BigDecimal("0.25"), total.get("metersWithEstimateShare").decimalValue());
    JsonNode rows = json(query).get("rows");
    assertEquals(dayA.toString(), rows.get(0).get("day").asText());
    assertEquals(8 * N, rows.get(0).get("expectedIntervals").asLong());
    assertEquals(dayB.toString(), rows.get(1).get("day").asText());
    assertEquals(2 * N, rows.get(1).get("readIntervals").asLong());
    sameInCsv(query);
  }

  @Test
  void timelinessCountsWhatHadArrivedByDayOneTwoAndFive_R_VEE_4() {
    String query = "/api/v1/reports/timeliness?from=" + dayA + "&to=" + dayB;
    eventuallyTotal(query, t -> t.get("readByDay5").asLong() == 760 + 192);
    JsonNode a = json(query).get("rows").get(0);
    // Per channel: on time 96, late 0, gap 92, halves 48 by day 1; halves 96 by day 2; late 96 by day 5.
    assertEquals(2 * (96 + 0 + 92 + 48), a.get("readByDay1").asLong());
    assertEquals(2 * (96 + 0 + 92 + 96), a.get("readByDay2").asLong());
    assertEquals(2 * (96 + 96 + 92 + 96), a.get("readByDay5").asLong());
    assertEquals(share(2 * (96 + 92 + 48), 8 * N), a.get("shareDay1").decimalValue());
    assertEquals(false, a.get("targetMetDay1").asBoolean());
    JsonNode b = json(query).get("rows").get(1);
    assertEquals(BigDecimal.ONE, b.get("shareDay1").decimalValue().stripTrailingZeros());
    sameInCsv(query);
  }

  @Test
  void serviceLevelsGiveDeliveryAgainstScheduleAndTheNodesUptime_R_OPS_5() {
    String query = "/api/v1/reports/service-levels?from=" + dayA + "&to=" + dayB;
    JsonNode total = eventuallyTotal(query, t -> t.get("onScheduleIntervals").asLong() + t.get("lateIntervals").asLong() == 760 + 192);
    assertEquals(10 * N, total.get("scheduledIntervals").asLong());
    assertEquals(2 * (96 + 92 + 48) + 2 * 96, total.get("onScheduleIntervals").asLong());
    assertEquals(2 * (96 + 48), total.get("lateIntervals").asLong());
    assertEquals(8, total.get("missingIntervals").asLong());
    assertEquals(0, total.get("upMinutes").asLong(), "the node was not running on those days");
    assertTrue(total.get("observedMinutes").asLong() == 2 * 1440);
    sameInCsv(query);

    // Today: up since the node started, every minute recorded.
    String todayQuery = "/api/v1/reports/service-levels?from=" + today + "&to=" + today;
    JsonNode summary = json(todayQuery).get("summary");
    long up = summary.get("upMinutes").asLong();
    long sinceStart = Duration.between(started, Instant.now()).toMinutes() + 2;
    assertTrue(up >= 1 && up <= sinceStart, up + " minutes up, node started " + sinceStart + " minutes ago at most");
    sameInCsv(todayQuery);
  }

  @Test
  void theMorningRunsExceptionAndRecoveryReportsAndTheTroubleReportsFollowWhatWasCollected_R_MIS_1_R_MIS_2_R_MIS_4() {
    LocalDate yesterday = today.minusDays(1);
    String exceptions = "/api/v1/reports/exceptions?date=" + yesterday + "&limit=3";
    HttpResponse<String> first = eventually(() -> api.send("GET", exceptions, operator, null), r -> r.statusCode() == 200,
        Duration.ofMinutes(8));
    JsonNode report = ApiClient.json(first);
    JsonNode summary = report.get("summary");
    assertEquals(4, summary.get("total").asLong());
    assertEquals(4, summary.get("attempted").asLong());
    assertEquals(4, summary.get("failed").asLong(), "no meter is connected: nothing is recovered");
    assertEquals(0, summary.get("recovered").asLong());
    assertEquals(4, report.get("page").get("total").asInt());
    assertEquals(3, report.get("page").get("next").asInt());
    List<JsonNode> lines = new ArrayList<>();
    report.get("rows").forEach(lines::add);
    ApiClient.json(api.send("GET", exceptions + "&offset=3", operator, null)).get("rows").forEach(lines::add);
    assertEquals(METERS, lines.stream().map(l -> l.get("meterId").asText()).toList());
    // The window is the LOOKBACK days to yesterday, from the day the meters came into service (A - 1);
    // complete days are those delivered in full.
    LocalDate inService = dayA.minusDays(1);
    assertTrue(inService.isAfter(yesterday.minusDays(LOOKBACK)), "the meters came into service within the window");
    int windowDays = (int) java.time.temporal.ChronoUnit.DAYS.between(inService, yesterday) + 1;
    Map<String, Integer> completeDays = Map.of(ON_TIME, 2, LATE, 1, GAP, 0, HALVES, 1);
    for (JsonNode line : lines) {
      String meter = line.get("meterId").asText();
      assertEquals(windowDays - completeDays.get(meter), line.get("daysMissing").asInt(), meter);
      assertEquals("FAILED", line.get("outcome").asText());
      String expectedPattern = completeDays.get(meter) == 0 ? "CONSECUTIVE" : "NON_CONSECUTIVE";
      assertEquals(expectedPattern, line.get("pattern").asText(), meter);
    }
    assertEquals(inService + " " + dayB.plusDays(1) + ".." + yesterday,
        lines.get(0).get("missingRanges").asText(), "the on-time meter misses all but A and B");
    sameInCsv(exceptions);

    String failed = "/api/v1/reports/recoveries?date=" + yesterday + "&outcome=failed";
    assertEquals(4, json(failed).get("page").get("total").asInt());
    assertEquals(0, json("/api/v1/reports/recoveries?date=" + yesterday + "&outcome=recovered").get("page").get("total").asInt());
    sameInCsv(failed);

    // R-MIS-4: every meter misses the three most recent days, so each has an open trouble report.
    String trouble = "/api/v1/reports/trouble?status=open";
    JsonNode open = eventually(() -> json(trouble), t -> t.get("summary").get("open").asInt() == 4, Duration.ofMinutes(2));
    assertEquals(4, open.get("summary").get("upToOneDay").asInt());
    TreeSet<String> troubled = new TreeSet<>();
    open.get("rows").forEach(r -> troubled.add(r.get("meterId").asText()));
    assertEquals(new TreeSet<>(METERS), troubled);
    assertEquals(4, json(trouble + "&age=day").get("page").get("total").asInt());
    assertEquals(0, json(trouble + "&age=older").get("page").get("total").asInt());
    sameInCsv(trouble);
  }

  @Test
  void onlyOperatorsAndAdministratorsReadReportsAndBadParametersAreProblems() {
    String admin = api.adminToken();
    String field = api.tokenFor("report-field-tool", "field-tool");
    String party = api.tokenFor("report-party", "third-party");
    String downstream = api.tokenFor("report-mdm", "downstream-system");
    String period = "?from=" + dayA + "&to=" + dayB;
    List<String> routes = List.of("/api/v1/reports/exceptions", "/api/v1/reports/recoveries", "/api/v1/reports/trouble",
        "/api/v1/reports/data-quality" + period, "/api/v1/reports/timeliness" + period, "/api/v1/reports/service-levels" + period);
    for (String route : routes) {
      for (String token : List.of(field, party, downstream)) {
        assertEquals(403, api.send("GET", route, token, null).statusCode(), route);
      }
      assertEquals(401, api.send("GET", route, null, null).statusCode(), route);
    }
    assertEquals(200, api.send("GET", routes.get(3), admin, null).statusCode());
    assertEquals(200, api.send("GET", routes.get(2), admin, null).statusCode());

    Map<String, String> bad = Map.of(
        "/api/v1/reports/data-quality?from=" + dayB + "&to=" + dayA, "before from",
        "/api/v1/reports/data-quality?from=" + dayA, "to is required",
        "/api/v1/reports/timeliness?from=2026-02-30&to=2026-03-01", "must be a date",
        "/api/v1/reports/service-levels?from=2025-01-01&to=2025-12-31", "at most 92 days",
        "/api/v1/reports/exceptions?limit=0", "limit must be within",
        "/api/v1/reports/recoveries?outcome=lost", "outcome must be one of",
        "/api/v1/reports/trouble?status=closed", "status must be one of",
        "/api/v1/reports/data-quality" + period + "&format=xml", "format must be json or csv");
    bad.forEach((path, words) -> {
      HttpResponse<String> r = api.send("GET", path, operator, null);
      assertEquals(400, r.statusCode(), path + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
      assertTrue(ApiClient.json(r).get("detail").asText().contains(words), path + ": " + r.body());
    });
    HttpResponse<String> none = api.send("GET", "/api/v1/reports/exceptions?date=" + dayA, operator, null);
    assertEquals(404, none.statusCode(), none.body());
  }

  // --- helpers ---

  /** The CSV of the same request has the JSON's columns and rows, value by value. */
  private static void sameInCsv(String path) {
    JsonNode doc = json(path);
    String sep = path.contains("?") ? "&" : "?";
    HttpResponse<String> csv = api.send("GET", path + sep + "format=csv", operator, null);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    HttpResponse<String> byAccept = api.get(path, operator, "text/csv");
    assertEquals(csv.body(), byAccept.body(), "Accept: text/csv gives the same CSV as format=csv");
    List<List<String>> table = Csv.parse(csv.body());
    List<String> header = table.get(0);
    JsonNode rows = doc.get("rows");
    assertEquals(rows.size(), table.size() - 1, path);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      assertEquals(header.size(), row.size(), path);
      for (int c = 0; c < header.size(); c++) {
        JsonNode value = row.get(header.get(c));
        String expected = value == null || value.isNull() ? "" : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
        assertEquals(expected, table.get(i + 1).get(c), path + " row " + i + " column " + header.get(c));
      }
    }
  }

  private static JsonNode json(String path) {
    HttpResponse<String> r = api.send("GET", path, operator, null);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return ApiClient.json(r);
  }

  private static JsonNode eventuallyTotal(String path, java.util.function.Predicate<JsonNode> ready) {
    JsonNode doc = eventually(() -> json(path), d -> {
      JsonNode rows = d.get("rows");
      return rows.size() > 0 && ready.test(rows.get(rows.size() - 1));
    }, Duration.ofSeconds(90));
    JsonNode rows = doc.get("rows");
    JsonNode total = rows.get(rows.size() - 1);
    assertEquals("total", total.get("day").asText());
    return total;
  }

  /** Estimated intervals in the validated data itself, once every delivery is posted. */
  private static long awaitEstimates() {
    return eventually(() -> {
      long estimated = 0;
      long read = 0;
      for (String meter : METERS) {
        for (String channel : CHANNELS) {
          for (LocalDate day : List.of(dayA, dayB)) {
            Optional<ValidatedDay> v = headEnd.bridge().store().intervals()
                .validatedAsOf(new MeterId(meter), new Channel(channel, "Wh"), day, Long.MAX_VALUE).toCompletableFuture().join();
            if (v.isPresent()) {
              estimated += v.get().count(IntervalStatus.ESTIMATED);
              read += v.get().intervalCount() - v.get().count(IntervalStatus.ESTIMATED);
            }
          }
        }
      }
      return read >= 952 ? estimated : -1L;
    }, e -> e >= 0, Duration.ofSeconds(90));
  }

  private static BigDecimal share(long part, long whole) {
    return ReportTable.share(java.util.OptionalDouble.of((double) part / whole));
  }

  private static <T> T eventually(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("not reached within " + within + "; last: " + last);
  }

  private static Instant at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, LocalTime.of(hour, minute)).toInstant(zone);
  }

  /** Both channels of a day with intervals [from, to), less the gap [gapFrom, gapTo). */
  private static Delivery delivery(Instant receivedAt, LocalDate day, int from, int to, int gapFrom, int gapTo) {
    BitSet present = new BitSet();
    present.set(from, to);
    if (gapFrom >= 0) {
      present.clear(gapFrom, gapTo);
    }
    long[] pulses = new long[N];
    for (int i = 0; i < N; i++) {
      pulses[i] = present.get(i) ? 200 + i % 7 : 0;
    }
    List<ChannelDay> days = CHANNELS.stream().map(channel -> new ChannelDay(channel, "Wh", new BigDecimal("1"), day, 15, pulses,
        present.toLongArray(), new int[N])).toList();
    return new Delivery(Source.SCHEDULED, receivedAt, days, List.of());
  }

  private static void accepted(String meterId, Function<akka.actor.typed.ActorRef<Meter.Reply>, Meter.Command> command) throws Exception {
    Meter.Reply reply = headEnd.meters().meter(meterId).<Meter.Reply>ask(command::apply, ASK).toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertTrue(reply instanceof Meter.Accepted, meterId + ": " + reply);
  }

  /** RFC 4180 records: quoted fields with doubled quotes, CRLF line ends. */
  static final class Csv {
    static List<List<String>> parse(String text) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (quoted) {
          if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (ch == '"') {
            quoted = false;
          } else {
            cell.append(ch);
          }
        } else if (ch == '"') {
          quoted = true;
        } else if (ch == ',') {
          row.add(cell.toString());
          cell.setLength(0);
        } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          i++;
        } else {
          cell.append(ch);
        }
      }
      return rows;
    }
  }
}
