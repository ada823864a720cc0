package org.adcs.headend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adcs.scheduler.completeness.DayRange;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.massread.MassReadJob;
import org.adcs.scheduler.massread.MassReadTarget;

/**
 * The body of {@code POST /api/v1/mass-reads} (R-OD-3), checked field by field so the operator
 * learns exactly what is wrong. The days are the meters' standard-time days, both ends included:
 * <pre>{"target": "missing-data", "from": "2026-05-01", "to": "2026-05-03"}
 *{"target": "read-group", "group": 7, "from": "2026-05-03", "to": "2026-05-03", "concurrency": 200}
 *{"target": "meters", "meterIds": ["MTR10000001", "MTR10000002"], "from": "2026-05-03", "to": "2026-05-03"}</pre>
 */
record MassReadRequest(MassReadTarget target, Optional<Integer> concurrency) {

  /** Larger populations go by read group or by missing data. */
  static final int MAX_LIST = 10_000;
  private static final Map<String, Set<String>> FIELDS = Map.of(
      "missing-data", Set.of("target", "from", "to", "concurrency"),
      "read-group", Set.of("target", "group", "from", "to", "concurrency"),
      "meters", Set.of("target", "meterIds", "from", "to", "concurrency"));

  /** A request that cannot become a mass read; the message is the problem's detail. */
  static final class Invalid extends Exception {
    Invalid(String detail) {
      super(detail);
    }
  }

  /**
   * @param today      the meters' standard-time day now: no day after it can be read
   * @param groupCount read groups of the collection window, numbered from 0
   */
  static MassReadRequest parse(JsonNode body, LocalDate today, int groupCount) throws Invalid {
    if (!(body instanceof ObjectNode object)) {
      throw new Invalid("the body must be a JSON object with target, from, to and the target's own field");
    }
    JsonNode kind = object.get("target");
    if (kind == null || !kind.isTextual() || !FIELDS.containsKey(kind.asText())) {
      throw new Invalid("target must be one of " + FIELDS.keySet().stream().sorted().toList());
    }
    Set<String> allowed = FIELDS.get(kind.asText());
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!allowed.contains(field)) {
        throw new Invalid("unknown field \"" + field + "\" for target " + kind.asText() + "; expected " + allowed.stream().sorted().toList());
      }
    }
    DayRange days = timeframe(day(object, "from"), day(object, "to"), today);
    Optional<Integer> concurrency = Optional.empty();
    if (object.has("concurrency")) {
      concurrency = Optional.of(number(object.get("concurrency"), "concurrency", 1, MassReadJob.MAX_CONCURRENCY));
    }
    MassReadTarget target = switch (kind.asText()) {
      case "missing-data" -> new MassReadTarget.MissingData(days);
      case "read-group" -> new MassReadTarget.ReadGroupMembers(group(object.get("group"), groupCount), days);
      default -> new MassReadTarget.MeterList(meterIds(object.get("meterIds")), days);
    };
    return new MassReadRequest(target, concurrency);
  }

  private static LocalDate day(ObjectNode object, String field) throws Invalid {
    JsonNode node = object.get(field);
    if (node == null || !node.isTextual()) {
      throw new Invalid(field + " must be a day like 2026-05-01");
    }
    try {
      return LocalDate.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new Invalid(field + " must be a day like 2026-05-01, was \"" + node.asText() + "\"");
    }
  }

  private static DayRange timeframe(LocalDate from, LocalDate to, LocalDate today) throws Invalid {
    if (to.isBefore(from)) {
      throw new Invalid("the timeframe ends (to " + to + ") before it starts (from " + from + ")");
    }
    if (to.isAfter(today)) {
      throw new Invalid("the timeframe ends in the future (to " + to + "; today is " + today + " in the meters' standard time)");
    }
    DayRange days = new DayRange(from, to);
    if (days.days() > DaySet.MAX_SPAN) {
      throw new Invalid("a timeframe spans at most " + DaySet.MAX_SPAN + " days, was " + days.days());
    }
    return days;
  }

  private static int group(JsonNode node, int groupCount) throws Invalid {
    if (node == null) {
      throw new Invalid("a read-group target needs \"group\", a read group 0.." + (groupCount - 1));
    }
    int group = number(node, "group", 0, Integer.MAX_VALUE);
    if (group >= groupCount) {
      throw new Invalid("unknown read group " + group + ": the collection window has groups 0.." + (groupCount - 1));
    }
    return group;
  }

  private static int number(JsonNode node, String field, int min, int max) throws Invalid {
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
      throw new Invalid(field + " must be a whole number " + min + ".." + max + ", was " + node);
    }
    return node.intValue();
  }

  private static List<String> meterIds(JsonNode node) throws Invalid {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new Invalid("a meters target needs \"meterIds\", a list of 1.." + MAX_LIST + " meter ids");
    }
    if (node.size() > MAX_LIST) {
      throw new Invalid("meterIds holds at most " + MAX_LIST + " meters, got " + node.size()
          + "; read larger populations by read group or by missing data");
    }
    List<String> ids = new ArrayList<>(node.size());
    Set<String> seen = new HashSet<>();
    for (JsonNode id : node) {
      if (!id.isTextual() || !MeterReadRoutes.METER_ID.matcher(id.asText()).matches()) {
        throw new Invalid("meter ids are 1-64 letters, digits or . _ : -, found " + id);
      }
      if (!seen.add(id.asText())) {
        throw new Invalid("meter " + id.asText() + " is listed twice");
      }
      ids.add(id.asText());
    }
    return ids;
  }
}
