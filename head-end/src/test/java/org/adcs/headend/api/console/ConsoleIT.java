package org.adcs.headend.api.console;

import static org.adcs.headend.api.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.SharedClock;
import org.adcs.headend.testing.TestNodes;
import org.adcs.scheduler.readgroup.CollectionWindow;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console end to end (issue 10) in headless Chromium, against the real system: a head-end
 * node on the shared test Cassandra with its H2 journal, and simulated meters on real sockets whose
 * clock the test moves. An operator logs in, watches a night fill the collection view (on time and
 * missing per read group, R-SCH-4), opens a meter and reads it on demand (R-OD-1) with its interval
 * chart, runs a mass read to its end through the progress bar (R-OD-3), and acknowledges the
 * notification of a read that failed (R-OD-2). A screenshot of each step goes to
 * {@code target/console-screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; without them it is skipped with a
 * message, and CI (which installs them) fails when it was skipped.
 */
class ConsoleIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "console-screenshots");
  private static final int METERS = 9;
  private static final int GROUPS = 3;
  private static final int CLOCK_OFF = 2; // read group 2
  private static final String OPERATOR = "night-operator";
  private static final String PASSWORD = "console-it-password";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final LocalTime MORNING_RUN = LocalTime.of(1, 8);

  @Test
  void anOperatorWatchesANightReadsAMeterRunsAMassReadAndAcknowledgesANotification() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "ConsoleIT needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver);"
            + " .ci/run installs them and fails when this test is skipped");
    Files.createDirectories(SHOTS);
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("console"), "adcs_console_it");
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    env.put("ADCS_METERS_ON_DEMAND_ATTEMPT_TIMEOUT", "5s"); // the unreachable meter's read fails soon
    // Three read groups make the window; the morning check follows it, looks at the night's day alone and
    // gives up on a meter after one attempt, so the reports have a run soon after the night.
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("adcs.scheduler.window.end", "01:05");
    overrides.put("adcs.scheduler.completeness.at", MORNING_RUN.toString());
    overrides.put("adcs.scheduler.completeness.lookback-days", 1);
    overrides.put("adcs.scheduler.completeness.max-attempts", 1);
    overrides.put("adcs.scheduling.read-timeout", "20s");
    overrides.put("adcs.scheduling.clock-check-every", "2s");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1); // the day the night collects
    Instant midnight = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    ManualClock clock = new ManualClock(midnight.minus(Duration.ofMinutes(30)));
    SharedClock shared = new SharedClock();
    EventLoopGroup group = new NioEventLoopGroup(1);
    ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor();
    WebDriver browser = null;
    // The scheduler reads the clock as it starts (the morning check's next time): it must already be the simulation's.
    shared.follow(clock);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env, overrides), shared)) {
      // Simulated time runs with real time between the test's jumps (rates and estimates need it to move).
      keeper.scheduleAtFixedRate(() -> clock.advance(Duration.ofSeconds(1)), 1, 1, TimeUnit.SECONDS);
      ApiClient api = new ApiClient(headEnd.httpUrl());
      api.createPerson(OPERATOR, "operator", PASSWORD);
      String operator = api.login(OPERATOR, PASSWORD);
      String party = api.tokenFor("esco-7", "third-party");
      CollectionWindow window = headEnd.scheduling().config().settings().window();
      FleetTerms terms = FleetTerms.defaults(41, midnight.minus(Duration.ofDays(3)));
      try (Fleet fleet = new Fleet(FleetConfig.dialling(terms, METERS, headEnd.meterPort().address()), clock, group)) {
        // A meter whose clock is 200 s behind, beyond correction (R-CLK-1): the operators are notified. It is
        // in read group 2, so it still pushes within its slot.
        String clockOff = fleet.meter(CLOCK_OFF).name();
        fleet.meter(CLOCK_OFF).setClock(clock.instant().minusSeconds(200), clock.instant());
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
        // One more meter that registers, takes its read time, then goes silent: the night misses it.
        String silent;
        try (Fleet gone = new Fleet(FleetConfig.dialling(terms, 1, headEnd.meterPort().address()).withFirstMeter(METERS),
            clock, group)) {
          gone.start(false, line -> { });
          assertTrue(gone.awaitConnected(1, Duration.ofSeconds(60)));
          silent = gone.meter(0).name();
          await(() -> headEnd.meterPort().connected().count() == METERS + 1, "every meter identified");
          assign(headEnd, silent, 0, window, 0);
        }
        await(() -> headEnd.meterPort().connected().count() == METERS, "the silent meter gone");
        // The scheduler's placement, played by the test: three read groups, read times inside each slot.
        for (int i = 0; i < METERS; i++) {
          assign(headEnd, fleet.meter(i).name(), i % GROUPS, window, 1 + i / GROUPS);
        }
        browser = browser();
        WebDriverWait wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(200));

        // Log in.
        browser.get(headEnd.httpUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(OPERATOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        shot(browser, "01-login");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), OPERATOR + " (operator)"));

        // The night: every meter owes the day; as the clock runs through the slots the view fills.
        browser.get(headEnd.httpUrl() + "/console/#/collection/" + day);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total-meters"), String.valueOf(METERS + 1)));
        assertEquals(String.valueOf(METERS + 1), text(browser, "total-pending"), "nothing has arrived before the window");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream-state"), "live"));
        shot(browser, "02-collection-before-the-window");
        Instant end = day.plusDays(1).atTime(window.group(GROUPS - 1).end()).toInstant(ZoneOffset.UTC).plusSeconds(60);
        boolean midNightShot = false;
        while (clock.instant().isBefore(end)) {
          clock.advance(Duration.ofMinutes(1));
          fleet.tick();
          TimeUnit.MILLISECONDS.sleep(400); // a simulated minute: pushes are stored well within their 20-minute slot
          if (!midNightShot && clock.instant().isAfter(day.plusDays(1).atTime(window.group(1).end()).toInstant(ZoneOffset.UTC))) {
            // Groups 0 and 1 are done, group 2 still to come: the page shows it without being reloaded.
            int firstTwo = 2 * METERS / GROUPS;
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total-onTime"), String.valueOf(firstTwo)));
            shot(browser, "03-collection-during-the-night");
            midNightShot = true;
          }
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total-onTime"), String.valueOf(METERS)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total-missed"), "1"));
        assertEquals("0", text(browser, "total-pending"));
        assertEquals("0", text(browser, "total-late"));
        shot(browser, "04-collection-after-the-window");

        // The same night over the API, and its checks.
        JsonNode summary = ok(api.send("GET", "/api/v1/collection/summary?day=" + day, operator, null));
        assertEquals(METERS, summary.at("/totals/onTime").asInt(), summary.toString());
        assertEquals(1, summary.at("/totals/missed").asInt(), summary.toString());
        assertEquals(1, summary.at("/groups/0/missed").asInt(), "the silent meter is in group 0: " + summary);
        assertEquals(day.toString(), ok(api.send("GET", "/api/v1/collection/summary", operator, null)).get("day").asText(),
            "without a day, the day collected tonight");
        assertProblem(api.send("GET", "/api/v1/collection/summary?day=yesterday", operator, null), 400, "Invalid day");
        assertProblem(api.send("GET", "/api/v1/collection/summary?day=2001-01-01", operator, null), 400, "Invalid day");
        assertEquals(403, api.send("GET", "/api/v1/collection/summary", party, null).statusCode());
        // On to the morning check; it runs while the operator goes on.
        clock.advance(Duration.between(clock.instant(), day.plusDays(1).atTime(MORNING_RUN).toInstant(ZoneOffset.UTC))
            .plusMinutes(1));

        // A meter's page and an on-demand read with its chart.
        String meter = fleet.meter(4).name();
        // Found by the start of its id: the search pages through the read side's meters in id order.
        String prefix = meter.substring(0, meter.length() - 1);
        TreeSet<String> expected = new TreeSet<>();
        for (int i = 0; i < METERS; i++) {
          expected.add(fleet.meter(i).name());
        }
        expected.add(silent);
        expected.removeIf(id -> !id.startsWith(prefix));
        List<String> found = new ArrayList<>();
        String next = "/api/v1/meters?prefix=" + prefix + "&limit=3";
        while (next != null) {
          JsonNode page = ok(api.send("GET", next, operator, null));
          page.get("meters").forEach(m -> found.add(m.get("meterId").asText()));
          next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertEquals(List.copyOf(expected), found, "every meter with the prefix, once, in id order, over pages of 3");
        assertEquals(0, ok(api.send("GET", "/api/v1/meters?prefix=" + prefix + "Z", operator, null)).get("meters").size());
        assertProblem(api.send("GET", "/api/v1/meters?prefix=a%20b", operator, null), 400, "Invalid prefix");
        assertProblem(api.send("GET", "/api/v1/meters?limit=0", operator, null), 400, "Invalid limit");
        assertEquals(403, api.send("GET", "/api/v1/meters", party, null).statusCode());
        browser.get(headEnd.httpUrl() + "/console/#/meter");
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("meter-search")));
        search.sendKeys(prefix);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#meter-match-list a"), expected.size()));
        shot(browser, "05a-meter-search");
        browser.findElement(By.linkText(meter)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("read-group"), "Read group 1"));
        assertTrue(browser.findElement(By.id("read-group")).getText().contains("set by console-it"));
        browser.findElement(By.id("read-now")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#read-state.ok")));
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
        assertTrue(!charts.isEmpty(), "a chart per channel");
        int intervals = Integer.parseInt(charts.get(0).getAttribute("data-intervals"));
        assertTrue(intervals > 0, "the chart holds the intervals read");
        assertEquals(intervals, browser.findElements(By.cssSelector("svg.chart")).get(0)
            .findElements(By.cssSelector("rect.interval")).size());
        assertTrue(browser.findElement(By.id("registers")).getText().contains("active"), "registers shown");
        shot(browser, "05-meter-read-on-demand", By.id("read-result"));

        // Its interval history over the last three days, a chart per channel as stored (R-DAT-1).
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode stored = ok(api.send("GET", "/api/v1/readings?meter=" + meter + "&from=" + today.minusDays(2) + "&to="
            + today.plusDays(1) + "&format=json", operator, null)).get("readings");
        Map<String, Integer> perChannel = new java.util.TreeMap<>();
        Map<String, Integer> perStatus = new java.util.TreeMap<>();
        stored.forEach(r -> {
          perChannel.merge(r.get("channel").asText(), 1, Integer::sum);
          perStatus.merge(r.get("status").asText(), 1, Integer::sum);
        });
        assertTrue(perChannel.size() > 0 && perStatus.getOrDefault("VAL", 0) > 0, "the night's intervals are stored: " + perStatus);
        browser.findElement(By.id("history-show")).click(); // again: the read now has stored more
        for (Map.Entry<String, Integer> channel : perChannel.entrySet()) {
          By chart = By.cssSelector("#history-charts svg.chart[data-channel='" + channel.getKey() + "']");
          wait.until(ExpectedConditions.attributeToBe(chart, "data-intervals", String.valueOf(channel.getValue())));
          assertEquals(channel.getValue(), browser.findElement(chart).findElements(By.cssSelector("rect.interval")).size());
        }
        assertEquals(perChannel.size(), browser.findElements(By.cssSelector("#history-charts svg.chart")).size());
        int validBars = browser.findElements(By.cssSelector("#history-charts rect.interval.valid")).size();
        assertEquals(perStatus.getOrDefault("VAL", 0), validBars, "valid intervals drawn as valid");
        assertEquals(perStatus.getOrDefault("EST", 0),
            browser.findElements(By.cssSelector("#history-charts rect.interval.estimated")).size());
        assertTrue(text(browser, "history").contains("valid: "), "the statuses are named");
        shot(browser, "05b-meter-history", By.id("history"));

        // The silent meter's read fails; the page says so and the operators are notified.
        search = browser.findElement(By.id("meter-search"));
        search.clear();
        search.sendKeys(silent);
        browser.findElement(By.cssSelector("#meter-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("read-group"), "Read group 0"));
        browser.findElement(By.id("read-now")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("read-result"), "The read failed"));
        shot(browser, "06-meter-read-failed", By.id("read-result"));

        // A mass read of read group 0 through its progress bar to the end: its three meters answer at once,
        // the silent one only fails after its attempts, so the bar stands part way meanwhile.
        browser.get(headEnd.httpUrl() + "/console/#/mass-reads");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mass-target")))).selectByValue("read-group");
        browser.findElement(By.id("mass-group")).sendKeys("0");
        setDate(browser, "mass-from", day);
        setDate(browser, "mass-to", day);
        browser.findElement(By.id("mass-start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("mass-read-message"), "started"));
        TreeSet<Integer> seen = new TreeSet<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        String state = "";
        while (!state.equals("COMPLETED")) {
          assertTrue(System.nanoTime() < deadline, "the mass read ends; progress seen " + seen);
          Object shown = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
              "const j = document.querySelector('#mass-read-jobs .job'); return j ? j.dataset.state + ' ' + j.querySelector('progress').value : '';");
          String[] parts = String.valueOf(shown).split(" ");
          if (parts.length == 2) {
            state = parts[0];
            int percent = Integer.parseInt(parts[1]);
            if (percent > 0 && percent < 100 && seen.add(percent) && seen.size() == 1) {
              shot(browser, "07-mass-read-running");
            }
          }
          TimeUnit.MILLISECONDS.sleep(100);
        }
        assertTrue(!seen.isEmpty(), "the progress bar stood between 0 and 100 % on its way");
        WebElement job = browser.findElement(By.cssSelector("#mass-read-jobs .job[data-state='COMPLETED']"));
        assertEquals("100", job.findElement(By.tagName("progress")).getAttribute("value"));
        assertTrue(job.getText().contains(METERS / GROUPS + " read, 1 failed, 0 to go"), job.getText());
        shot(browser, "08-mass-read-completed");

        // The notification of the failed read, acknowledged.
        browser.get(headEnd.httpUrl() + "/console/#/alerts");
        WebElement alert = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#alerts tr[data-kind='read-failed']")));
        assertTrue(alert.getText().contains(silent), alert.getText());
        String alertId = alert.getAttribute("data-alert");
        shot(browser, "09-notification-open");
        alert.findElement(By.cssSelector("button.acknowledge")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#alerts tr[data-alert='" + alertId + "']")));
        browser.findElement(By.cssSelector("input[name='state'][value='all']")).click();
        WebElement acknowledged = wait.until(ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#alerts tr[data-alert='" + alertId + "'] td.ack")));
        wait.until(ExpectedConditions.textToBePresentInElement(acknowledged, OPERATOR));
        shot(browser, "10-notification-acknowledged");

        // The acknowledgement is stored: over the API, and a second one is refused naming the first.
        JsonNode all = ok(api.send("GET", "/api/v1/alerts?state=all&limit=1", operator, null));
        assertEquals(alertId, all.at("/alerts/0/id").asText());
        assertEquals(OPERATOR, all.at("/alerts/0/acknowledgedBy").asText());
        assertTrue(all.get("next").isNull() || all.get("next").asText().contains("before=" + alertId));
        assertProblem(api.send("POST", "/api/v1/alerts/" + alertId + "/acknowledge", operator, null), 409,
            "Already acknowledged");
        assertProblem(api.send("POST", "/api/v1/alerts/999999/acknowledge", operator, null), 404, "Unknown alert");
        assertProblem(api.send("POST", "/api/v1/alerts/x/acknowledge", operator, null), 400, "Invalid alert id");
        assertProblem(api.send("GET", "/api/v1/alerts?state=some", operator, null), 400, "Invalid state");
        assertProblem(api.send("GET", "/api/v1/alerts?limit=0", operator, null), 400, "Invalid paging");
        assertEquals(403, api.send("GET", "/api/v1/alerts", party, null).statusCode());
        JsonNode open = ok(api.send("GET", "/api/v1/alerts?state=open", operator, null));
        assertEquals(0, open.get("alerts").findValues("id").stream().filter(id -> id.asText().equals(alertId)).count());
        boolean clockNotice = false;
        for (JsonNode a : open.get("alerts")) {
          clockNotice |= a.get("kind").asText().equals("clock-error") && a.get("meterId").asText().equals(clockOff);
        }
        assertTrue(clockNotice, "the meter clock 200 s off is a notification: " + open);

        // The morning reports of the night (R-MIS-1, R-MIS-4, R-VEE-4, R-OPS-5): the charts say what the API says.
        await(() -> api.send("GET", "/api/v1/reports/exceptions?date=" + day, operator, null).statusCode() == 200,
            "the morning check's exception report");
        browser.get(headEnd.httpUrl() + "/console/#/reports/" + day);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-recovery rect.col")));
        JsonNode run = ok(api.send("GET", "/api/v1/reports/exceptions?date=" + day, operator, null)).get("summary");
        Map<String, Double> recovery = bars(browser, "chart-recovery");
        assertEquals(METERS, drawn(recovery, "on schedule|meters"), "the nine meters that pushed: " + run);
        assertEquals(1, drawn(recovery, "failed|meters"), "the silent meter: " + run);
        assertEquals(run.get("onSchedule").asDouble(), drawn(recovery, "on schedule|meters"));
        assertTrue(text(browser, "exceptions").contains(silent), "the silent meter is still missing data");
        shot(browser, "11-reports-exceptions");
        JsonNode aging = ok(api.send("GET", "/api/v1/reports/trouble", operator, null)).get("summary");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-aging rect.col")));
        Map<String, Double> buckets = bars(browser, "chart-aging");
        assertEquals(aging.get("upToOneDay").asDouble(), drawn(buckets, "up to a day|open reports"));
        assertEquals(aging.get("upToOneWeek").asDouble(), drawn(buckets, "up to a week|open reports"));
        assertEquals(aging.get("overOneWeek").asDouble(), drawn(buckets, "older|open reports"));
        String period = "?from=" + day.minusDays(6) + "&to=" + day;
        String label = day.toString().substring(5);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-service rect.col")));
        JsonNode levels = dayRow(ok(api.send("GET", "/api/v1/reports/service-levels" + period, operator, null)), day);
        Map<String, Double> service = bars(browser, "chart-service");
        double missing = drawn(service, label + "|not delivered");
        assertEquals(levels.get("missingIntervals").asDouble(), missing, levels.toString());
        assertEquals(levels.get("onScheduleIntervals").asDouble(), drawn(service, label + "|on schedule"), levels.toString());
        // The nine meters that pushed delivered their whole day on schedule (the silent one is in the exceptions).
        int perDay = 24 * 60 / stored.get(0).get("intervalMinutes").asInt();
        assertEquals(METERS * perDay * perChannel.size(), drawn(service, label + "|on schedule"), levels.toString());
        assertEquals(0, missing + drawn(service, label + "|late"), levels.toString());
        JsonNode quality = dayRow(ok(api.send("GET", "/api/v1/reports/data-quality" + period, operator, null)), day);
        assertEquals(quality.get("estimatedShare").isNull() ? null : (Double) quality.get("estimatedShare").asDouble(),
            bars(browser, "chart-quality").get(label + "|estimated share"), quality.toString());
        JsonNode timely = dayRow(ok(api.send("GET", "/api/v1/reports/timeliness" + period, operator, null)), day);
        Map<String, Double> timeliness = bars(browser, "chart-timeliness");
        for (int d : new int[] {1, 2, 5}) {
          JsonNode share = timely.get("shareDay" + d);
          assertEquals(share.isNull() ? null : (Double) share.asDouble(), timeliness.get(label + "|by day " + d), timely.toString());
        }
        shot(browser, "12-reports-quality-timeliness", By.id("report-quality"));
        shot(browser, "13-reports-service-levels", By.id("report-service"));
      }
    } finally {
      if (browser != null) {
        browser.quit();
      }
      keeper.shutdownNow();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** Places a meter in a read group with a read time {@code minute} minutes into the slot, acknowledged by the meter. */
  private static void assign(HeadEnd headEnd, String meterId, int readGroup, CollectionWindow window, int minute)
      throws Exception {
    LocalTime readTime = window.group(readGroup).start().plusMinutes(minute);
    var meter = headEnd.meters().meter(meterId);
    Duration ask = Duration.ofSeconds(30);
    CompletableFuture<MeterRequests.Outcome> written = meter.<Meter.Reply>ask(
        r -> new Meter.AssignDefaultSchedule(readGroup, readTime, "console-it", r), ask)
        .thenCompose(assigned -> meter.<MeterRequests.Outcome>ask(r -> new Meter.AwaitScheduleWrite("default", r), ask))
        .toCompletableFuture();
    MeterRequests.Outcome outcome = written.get(60, TimeUnit.SECONDS);
    assertTrue(outcome.ok(), meterId + ": " + outcome.detail());
  }

  private static WebDriver browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,1100");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static void setDate(WebDriver browser, String id, LocalDate day) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
        id, day.toString());
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /** A screenshot with {@code element} scrolled to the top of the window. */
  private static void shot(WebDriver browser, String name, By element) throws IOException {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
        browser.findElement(element));
    shot(browser, name);
  }

  private static void shot(WebDriver browser, String name) throws IOException {
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static double drawn(Map<String, Double> bars, String bar) {
    Double value = bars.get(bar);
    assertTrue(value != null, "a bar " + bar + " among " + bars);
    return value;
  }

  /** A report's row for one day. */
  private static JsonNode dayRow(JsonNode report, LocalDate day) {
    for (JsonNode row : report.get("rows")) {
      if (row.get("day").asText().equals(day.toString())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + day + " in " + report);
  }

  /** A bar chart's bars as drawn: "category|series" to the bar's value. */
  @SuppressWarnings("unchecked")
  private static Map<String, Double> bars(WebDriver browser, String chartId) {
    Map<String, Object> drawn = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "return Object.fromEntries([...document.querySelectorAll('#' + arguments[0] + ' rect[data-series]')]"
            + ".map(r => [r.dataset.category + '|' + r.dataset.series, r.dataset.value]));", chartId);
    Map<String, Double> values = new java.util.TreeMap<>();
    drawn.forEach((k, v) -> values.put(k, Double.valueOf(String.valueOf(v))));
    return values;
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return ApiClient.json(response);
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    Await.until(what, WAIT, condition::getAsBoolean);
  }
}
