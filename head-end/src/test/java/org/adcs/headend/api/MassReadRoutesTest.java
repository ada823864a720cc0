package org.adcs.headend.api;

import static org.adcs.headend.api.ProblemAssertions.assertProblem;
import static org.adcs.headend.api.ProblemAssertions.postJson;
import static org.adcs.headend.api.ProblemAssertions.postText;
import static org.adcs.headend.api.ProblemAssertions.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.massread.MassReadDesk;
import org.adcs.scheduler.massread.MassReadJob;
import org.adcs.scheduler.massread.MassReadSettings;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.workload.WorkloadBudget;
import org.adcs.scheduler.workload.WorkloadManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mass read API (R-OD-3) over real HTTP against the real mass read desk and workload manager,
 * whose meter port holds each read until the test answers it: what is accepted, how progress,
 * listing and cancelling answer, and what is refused with which RFC 7807 problem.
 */
class MassReadRoutesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ActorTestKit kit = ActorTestKit.create("mass-read-routes");
  private static final Instant NOW = Instant.parse("2026-06-10T15:00:00Z");
  private static final int GROUPS = 24;
  private static final HeldReads port = new HeldReads();
  private static ServerBinding binding;
  private static String base;

  /** A meter port whose reads wait until the test answers them. */
  static final class HeldReads implements MeterPort {
    final LinkedBlockingQueue<CompletableFuture<ReadOutcome>> held = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<ReadRequest> requests = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<ReadOutcome> read(ReadRequest request) {
      var answer = new CompletableFuture<ReadOutcome>();
      requests.add(request);
      held.add(answer);
      return answer;
    }

    void answer(int reads) throws InterruptedException {
      for (int i = 0; i < reads; i++) {
        var answer = held.poll(10, TimeUnit.SECONDS);
        ReadRequest request = requests.poll(10, TimeUnit.SECONDS);
        assertTrue(answer != null && request != null, "a read is waiting");
        answer.complete(new ReadOutcome.Collected(request.meterId(), 96, 96, "test"));
      }
    }

    @Override
    public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
      throw new UnsupportedOperationException("mass reads write no schedules");
    }

    @Override
    public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
      throw new UnsupportedOperationException("mass reads write no schedules");
    }

    @Override
    public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
      throw new UnsupportedOperationException("mass reads verify no schedules");
    }
  }

  @BeforeAll
  static void bind() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    var workload = kit.spawn(WorkloadManager.create(new WorkloadBudget(10, 2, 100, Duration.ofMinutes(4)), port));
    // Only meter lists are started here: they need no read side.
    var desk = kit.spawn(MassReadDesk.create(new MassReadSettings(2, 10, 3), new IntervalGrid(ZoneOffset.UTC, Duration.ofMinutes(15)),
        new MassReadJob.Sources(null, null), workload, clock, org.adcs.scheduler.massread.MassReadLedger.NONE));
    binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0)
        .bind(new MassReadRoutes(desk, kit.system().scheduler(), JSON, clock, ZoneOffset.ofHours(-5), GROUPS).routes())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + binding.localAddress().getPort() + "/api/v1/mass-reads";
  }

  @AfterAll
  static void stop() {
    binding.unbind();
    kit.shutdownTestKit();
  }

  private static String meters(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> "\"" + prefix + i + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  private static JsonNode progress(String id) throws Exception {
    HttpResponse<String> response = send("GET", base + "/" + id);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  @Test
  void aListIsStartedWatchedListedAndCancelled_R_OD_3() throws Exception {
    HttpResponse<String> started = postJson(base, "{\"target\":\"meters\",\"meterIds\":" + meters("a-", 8)
        + ",\"from\":\"2026-06-08\",\"to\":\"2026-06-09\",\"concurrency\":2}");
    assertEquals(202, started.statusCode(), started.body());
    String id = JSON.readTree(started.body()).get("jobId").asText();
    assertEquals("/api/v1/mass-reads/" + id, started.headers().firstValue("Location").orElseThrow());

    port.answer(2);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    JsonNode running = progress(id);
    while (running.get("done").asLong() < 2 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
      running = progress(id);
    }
    assertEquals("RUNNING", running.get("state").asText(), running.toString());
    assertEquals(8, running.get("found").asLong());
    assertEquals(2, running.get("done").asLong());
    assertEquals(0, running.get("failed").asLong());
    assertEquals(6, running.get("remaining").asLong());

    List<String> listed = new ArrayList<>();
    JSON.readTree(send("GET", base).body()).get("jobs").forEach(j -> listed.add(j.get("jobId").asText()));
    assertTrue(listed.contains(id), listed.toString());

    HttpResponse<String> cancelled = send("DELETE", base + "/" + id);
    assertEquals(202, cancelled.statusCode(), cancelled.body());
    assertEquals("CANCELLED", JSON.readTree(cancelled.body()).get("state").asText());
    // The two reads outstanding at the cancel finish; no other starts.
    port.answer(2);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    HttpResponse<String> again = send("DELETE", base + "/" + id);
    while (again.statusCode() != 409 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
      again = send("DELETE", base + "/" + id);
    }
    assertProblem(again, 409, "Mass read already ended");
    JsonNode end = progress(id);
    assertEquals("CANCELLED", end.get("state").asText());
    assertEquals(4, end.get("done").asLong());
    assertEquals(4, end.get("remaining").asLong());
    assertEquals(0, port.requests.size(), "no read started after the cancel");
  }

  @Test
  void badTimeframesGroupsAndListsAreRefusedWithAProblemThatSaysWhy_R_OD_3() throws Exception {
    String days = ",\"from\":\"2026-06-08\",\"to\":\"2026-06-09\"}";
    // Today in the meters' standard time (-05:00) is 2026-06-10: the 11th is the future.
    assertProblem(postJson(base, "{\"target\":\"missing-data\",\"from\":\"2026-06-09\",\"to\":\"2026-06-11\"}"), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"missing-data\",\"from\":\"2026-06-09\",\"to\":\"2026-06-08\"}"), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"missing-data\",\"from\":\"2026-01-01\",\"to\":\"2026-06-08\"}"), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"missing-data\",\"from\":\"yesterday\",\"to\":\"2026-06-08\"}"), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"missing-data\",\"to\":\"2026-06-08\"}"), 400, "Invalid mass read");
    JsonNode group = assertProblem(postJson(base, "{\"target\":\"read-group\",\"group\":" + GROUPS + days), 400, "Invalid mass read");
    assertTrue(group.get("detail").asText().contains("unknown read group 24"), group.toString());
    assertProblem(postJson(base, "{\"target\":\"read-group\",\"group\":-1" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"read-group\",\"group\":\"7\"" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"read-group\"" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"meters\",\"meterIds\":[]" + days), 400, "Invalid mass read");
    JsonNode large = assertProblem(postJson(base, "{\"target\":\"meters\",\"meterIds\":" + meters("m", MassReadRequest.MAX_LIST + 1)
        + days), 400, "Invalid mass read");
    assertTrue(large.get("detail").asText().contains("at most " + MassReadRequest.MAX_LIST), large.toString());
    assertProblem(postJson(base, "{\"target\":\"meters\",\"meterIds\":[\"a\",\"a\"]" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"meters\",\"meterIds\":[\"bad id\"]" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"meters\",\"meterIds\":[\"a\"],\"concurrency\":0" + days.substring(0, days.length() - 1)
        + "}"), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"meters\",\"meterIds\":[\"a\"],\"group\":3" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":\"everything\"" + days), 400, "Invalid mass read");
    assertProblem(postJson(base, "[1]"), 400, "Invalid mass read");
    assertProblem(postJson(base, "{\"target\":"), 400, "Malformed JSON");
    assertProblem(postJson(base, "{\"target\":\"missing-data\",\"pad\":\"" + "x".repeat(MassReadRoutes.MAX_BODY_BYTES) + "\"}"), 413,
        "Body too large");
    assertProblem(postText(base, "{}"), 415, "Unsupported media type");
    assertProblem(send("GET", base + "/not-a-uuid"), 400, "Invalid mass read id");
    assertProblem(send("GET", base + "/" + UUID.randomUUID()), 404, "Unknown mass read");
    assertProblem(send("DELETE", base + "/" + UUID.randomUUID()), 404, "Unknown mass read");
    assertProblem(send("PUT", base), 405, "Method not allowed");
    assertEquals(0, port.requests.size(), "nothing refused was started");
  }
}
