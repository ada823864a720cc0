package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-SCH-5: what a non-default schedule set through the API must say, and what is refused. */
class ScheduleBodyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anOpenEndedAroundTheClockScheduleKeepsItsCallerAsSource() throws Exception {
    var s = ScheduleBody.parse(JSON.readTree("{\"scheduleId\":\"premium-1\",\"start\":\"00:30\",\"frequency\":\"PT2H\","
        + "\"from\":\"2026-12-01\"}"), "night-operator");
    assertEquals("premium-1", s.id());
    assertEquals(LocalTime.of(0, 30), s.start());
    assertNull(s.end());
    assertEquals(Duration.ofHours(2), s.frequency());
    assertEquals(LocalDate.of(2026, 12, 1), s.from());
    assertNull(s.until(), "open-ended");
    assertEquals("night-operator", s.setBy());
    assertEquals("set by night-operator", s.reason());
    assertEquals(false, s.acknowledged());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}|scheduleId is required",
      "{\"scheduleId\":\"a\",\"frequency\":\"PT1H\",\"from\":\"2026-12-01\"}|start is required",
      "{\"scheduleId\":\"a\",\"start\":\"06:00\",\"frequency\":\"hourly\",\"from\":\"2026-12-01\"}|ISO-8601 duration",
      "{\"scheduleId\":\"a\",\"start\":\"06:00\",\"frequency\":\"PT1H\",\"from\":\"1 Dec\"}|from must be a date",
      "{\"scheduleId\":\"a\",\"start\":\"06:00\",\"frequency\":\"PT1H\",\"from\":\"2026-12-01\",\"until\":\"2026-11-30\"}|before from",
      "{\"scheduleId\":\"a\",\"start\":\"06:00\",\"end\":\"05:00\",\"frequency\":\"PT1H\",\"from\":\"2026-12-01\"}|must be after start",
      "{\"scheduleId\":\"a\",\"start\":\"06:00\",\"frequency\":\"P8D\",\"from\":\"2026-12-01\"}|at least weekly",
      "{\"scheduleId\":\"a b\",\"start\":\"06:00\",\"frequency\":\"PT1H\",\"from\":\"2026-12-01\"}|schedule id",
      "{\"scheduleId\":7,\"start\":\"06:00\",\"frequency\":\"PT1H\",\"from\":\"2026-12-01\"}|scheduleId must be a string",
      "{\"scheduleId\":\"a\",\"start\":\"06:00\",\"frequency\":\"PT1H\",\"from\":\"2026-12-01\",\"every\":1}|unknown field every",
      "[]|JSON object"})
  void aBadScheduleIsRefusedNamingWhatIsWrong(String body, String expected) throws Exception {
    var e = assertThrows(IllegalArgumentException.class, () -> ScheduleBody.parse(JSON.readTree(body), "op"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
