package org.adcs.headend.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;

/**
 * The body of {@code POST /api/v1/meters/{id}/schedules} (R-SCH-5): a non-default schedule reads
 * every {@code frequency} (ISO-8601, e.g. {@code PT1H}, {@code P7D}) between the daily {@code start}
 * and {@code end} times (meter standard time; no end: around the clock), from the day {@code from}
 * until the day {@code until} (absent: open-ended). The caller is recorded as the one who set it.
 */
final class ScheduleBody {

  private static final Set<String> FIELDS = Set.of("scheduleId", "start", "end", "frequency", "from", "until", "reason");

  private ScheduleBody() {}

  /** @throws IllegalArgumentException naming the field that is wrong */
  static ExtraSchedule parse(JsonNode body, String setBy) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("a schedule is a JSON object with " + FIELDS);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown field " + name + "; a schedule has " + FIELDS);
      }
    }
    String id = text(body, "scheduleId", true);
    LocalTime start = parse(body, "start", true, LocalTime::parse, "a time of day such as 06:00");
    LocalTime end = parse(body, "end", false, LocalTime::parse, "a time of day such as 22:00");
    Duration frequency = parse(body, "frequency", true, Duration::parse, "an ISO-8601 duration such as PT1H");
    LocalDate from = parse(body, "from", true, LocalDate::parse, "a date such as 2026-12-01");
    LocalDate until = parse(body, "until", false, LocalDate::parse, "a date such as 2026-12-31");
    if (until != null && until.isBefore(from)) {
      throw new IllegalArgumentException("until " + until + " is before from " + from);
    }
    if (end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start + " on the same day");
    }
    String reason = text(body, "reason", false);
    if (reason != null && reason.length() > 200) {
      throw new IllegalArgumentException("reason is at most 200 characters");
    }
    return new ExtraSchedule(id, start, end, frequency, from, until, setBy, reason == null ? "set by " + setBy : reason,
        false, 0);
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException(field + " is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.textValue();
  }

  private static <T> T parse(JsonNode body, String field, boolean required, java.util.function.Function<String, T> parser,
      String expected) {
    String text = text(body, field, required);
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " must be " + expected + ", found " + text);
    }
  }
}
