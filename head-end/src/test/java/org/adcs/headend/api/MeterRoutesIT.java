package org.adcs.headend.api;

import static org.adcs.headend.api.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.TestNodes;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The operators' view of a meter and its schedules over the real API, with simulated meters on real
 * sockets: a meter's page shows what the head-end knows; a non-default schedule set through the API
 * is recorded with its caller as source and acknowledged by the meter (R-SCH-5, R-SCH-3), cancelled
 * the same way; the interval length is programmed on the meter (R-SCH-7); read groups page their
 * members; bad input gets problem JSON and roles hold.
 */
class MeterRoutesIT {

  private static final int METERS = 5;

  @Test
  void operatorsSeeAMeterSetAndCancelItsSchedulesProgramItsIntervalAndPageItsReadGroup() throws Exception {
    Map<String, String> env = TestNodes.forSimulatedMeters("meter-routes", "adcs_meter_routes_it");
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (HeadEnd headEnd = HeadEnd.start(TestNodes.settings(env))) {
      ApiClient api = new ApiClient(headEnd.httpUrl());
      String operator = api.tokenFor("night-operator", "operator");
      String mdm = api.tokenFor("mdm", "downstream-system");
      String field = api.tokenFor("field-tablet-7", "field-tool");
      String party = api.tokenFor("esco-1", "third-party");

      Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      try (Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(23, start), METERS,
          headEnd.meterPort().address()), new ManualClock(start), group)) {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(METERS, Duration.ofSeconds(60)));
        await(() -> headEnd.meterPort().connected().count() == METERS, () -> "all meters identified");
        String meter = fleet.meter(0).name();
        String path = "/api/v1/meters/" + meter;

        // The meter's page.
        JsonNode page = ok(api.send("GET", path, operator, null));
        assertEquals(meter, page.get("meterId").asText());
        assertEquals(meter, page.get("logicalDeviceName").asText());
        assertEquals("METER_CONNECTS", page.at("/connection/kind").asText());
        assertTrue(page.at("/connection/inContact").asBoolean(), page.toString());
        assertFalse(page.get("lastContact").isNull());
        assertEquals(15, page.get("intervalMinutes").asInt());
        assertEquals(0, page.at("/schedules/nonDefault").size());
        assertEquals(200, api.send("GET", path, field, null).statusCode(), "field staff see a meter before a pickup");

        // R-SCH-5: set by an operator, recorded with the operator as source, acknowledged by the meter.
        String peak = "{\"scheduleId\":\"winter-peak\",\"start\":\"06:00\",\"end\":\"22:00\",\"frequency\":\"PT1H\","
            + "\"from\":\"" + LocalDate.now(ZoneOffset.UTC) + "\",\"reason\":\"critical peak pricing trial\"}";
        HttpResponse<String> set = api.send("POST", path + "/schedules", operator, peak);
        assertEquals(202, set.statusCode(), set.body());
        assertEquals("night-operator", ApiClient.json(set).get("setBy").asText());
        JsonNode acknowledged = await(() -> schedule(api, operator, path, "winter-peak"),
            s -> s != null && s.get("acknowledged").asBoolean(), "the meter acknowledged winter-peak");
        assertEquals("night-operator", acknowledged.get("setBy").asText());
        assertEquals("06:00", acknowledged.get("start").asText());
        assertEquals("22:00", acknowledged.get("end").asText());
        assertEquals("PT1H", acknowledged.get("frequency").asText());
        assertEquals("critical peak pricing trial", acknowledged.get("reason").asText());
        assertTrue(acknowledged.get("slot").asInt() >= 1);

        // Bad schedules: each names what is wrong, nothing is recorded.
        assertProblem(api.send("POST", path + "/schedules", operator, "{\"scheduleId\":\"x\",\"start\":\"6am\","
            + "\"frequency\":\"PT1H\",\"from\":\"2026-12-01\"}"), 422, "Invalid schedule");
        assertProblem(api.send("POST", path + "/schedules", operator, "{\"scheduleId\":\"x\",\"start\":\"06:00\","
            + "\"frequency\":\"PT1H\",\"from\":\"2026-12-01\",\"colour\":\"red\"}"), 422, "Invalid schedule");
        assertProblem(api.send("POST", path + "/schedules", operator, "{\"scheduleId\":\"x\",\"start\":\"06:00\","
            + "\"frequency\":\"PT5M\",\"from\":\"2026-12-01\"}"), 409, "Schedule not recorded"); // under 15 minutes
        assertEquals(1, ok(api.send("GET", path, operator, null)).at("/schedules/nonDefault").size());
        assertProblem(api.send("POST", path + "/schedules", operator, "[1,2]"), 422, "Invalid schedule");
        assertProblem(api.send("POST", path + "/schedules", operator, "{" + "\"reason\":\"" + "x".repeat(5000) + "\"}"),
            413, "Body too large");

        // An IT system may set them too (R-SCH-5); a meter holds 4, the fifth is refused and changes nothing.
        for (int i = 2; i <= 4; i++) {
          HttpResponse<String> r = api.send("POST", path + "/schedules", mdm, "{\"scheduleId\":\"mdm-" + i
              + "\",\"start\":\"00:00\",\"frequency\":\"P1D\",\"from\":\"2026-12-01\",\"until\":\"2026-12-31\"}");
          assertEquals(202, r.statusCode(), r.body());
          assertEquals("mdm", ApiClient.json(r).get("setBy").asText());
        }
        assertProblem(api.send("POST", path + "/schedules", operator, "{\"scheduleId\":\"fifth\",\"start\":\"00:00\","
            + "\"frequency\":\"P1D\",\"from\":\"2026-12-01\"}"), 409, "Schedule not recorded");
        assertEquals(4, ok(api.send("GET", path, operator, null)).at("/schedules/nonDefault").size());

        // Cancelled by the IT system that set it; cancelling it twice is a clear 404.
        assertEquals(204, api.send("DELETE", path + "/schedules/mdm-3", mdm, null).statusCode());
        JsonNode left = ok(api.send("GET", path, operator, null)).at("/schedules/nonDefault");
        List<String> ids = new ArrayList<>();
        left.forEach(s -> ids.add(s.get("scheduleId").asText()));
        assertEquals(List.of("mdm-2", "mdm-4", "winter-peak"), ids.stream().sorted().toList());
        assertProblem(api.send("DELETE", path + "/schedules/mdm-3", mdm, null), 404, "Unknown schedule");

        // R-SCH-7: the interval length is programmed on the meter, then shown (schedules read at most hourly).
        HttpResponse<String> programmed = api.send("PUT", path + "/interval-length", operator, "{\"minutes\":30}");
        assertEquals(200, programmed.statusCode(), programmed.body());
        assertEquals(30, ok(api.send("GET", path, operator, null)).get("intervalMinutes").asInt());
        assertProblem(api.send("PUT", path + "/interval-length", operator, "{\"minutes\":7}"), 422,
            "Invalid interval length");

        // Read groups: sizes, and the self-registered meters paged two at a time (R-SCH-1).
        JsonNode groups = ok(api.send("GET", "/api/v1/read-groups", operator, null));
        assertTrue(groups.get("groups").size() > 0, groups.toString());
        TreeSet<String> fleetIds = new TreeSet<>();
        for (int i = 0; i < METERS; i++) {
          fleetIds.add(fleet.meter(i).name());
        }
        // A meter is listed where its page says it is: unscheduled until the scheduler places it.
        TreeSet<String> listed = await(() -> listed(api, operator, List.copyOf(fleetIds)), l -> l.containsAll(fleetIds),
            "every meter is listed in its read group or as unscheduled");
        assertTrue(listed.containsAll(fleetIds), listed.toString());
        assertProblem(api.send("GET", "/api/v1/read-groups/unscheduled/meters?limit=0", operator, null), 400,
            "Invalid limit");
        assertProblem(api.send("GET", "/api/v1/read-groups/9999/meters", operator, null), 404, "Unknown read group");

        // Unknown and malformed meters.
        assertProblem(api.send("GET", "/api/v1/meters/NO-SUCH-METER", operator, null), 404, "Unknown meter");
        assertProblem(api.send("GET", "/api/v1/meters/bad%20id", operator, null), 400, "Invalid meter id");

        // Roles (R-OPS-2): a third party sees no meter's page; field staff set no schedule.
        assertEquals(403, api.send("GET", path, party, null).statusCode());
        assertEquals(403, api.send("POST", path + "/schedules", field, peak).statusCode());
        assertEquals(403, api.send("PUT", path + "/interval-length", mdm, "{\"minutes\":15}").statusCode());
        assertEquals(403, api.send("GET", "/api/v1/read-groups", party, null).statusCode());
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static JsonNode schedule(ApiClient api, String token, String path, String id) {
    for (JsonNode s : ok(api.send("GET", path, token, null)).at("/schedules/nonDefault")) {
      if (s.get("scheduleId").asText().equals(id)) {
        return s;
      }
    }
    return null;
  }

  /** The unscheduled meters, paged two at a time, and for a meter placed meanwhile its group's members. */
  private static TreeSet<String> listed(ApiClient api, String token, List<String> meters) {
    TreeSet<String> all = members(api, token, "unscheduled");
    for (String meter : meters) {
      JsonNode group = ok(api.send("GET", "/api/v1/meters/" + meter, token, null)).get("readGroup");
      if (!all.contains(meter) && !group.isNull()) {
        all.addAll(members(api, token, group.asText()));
      }
    }
    return all;
  }

  private static TreeSet<String> members(ApiClient api, String token, String group) {
    TreeSet<String> all = new TreeSet<>();
    String next = "/api/v1/read-groups/" + group + "/meters?limit=2";
    int pages = 0;
    while (next != null && pages++ < 10_000) {
      JsonNode page = ok(api.send("GET", next, token, null));
      assertTrue(page.get("meters").size() <= 2, page.toString());
      page.get("meters").forEach(m -> all.add(m.asText()));
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    return all;
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return ApiClient.json(response);
  }

  private static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what + "; last seen " + last);
      }
      TimeUnit.MILLISECONDS.sleep(100);
      last = probe.get();
    }
    return last;
  }

  private static void await(java.util.function.BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
    await(condition::getAsBoolean, b -> b, what.get());
  }
}
