package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One record of a sync set: a service point's relationships effective from a time (until a time, or
 * open-ended), or its deactivation as of a time. Records come as JSON objects or CSV rows with the
 * same field names; {@link #parse} checks every field and names what is wrong.
 */
public record SyncRecord(Action action, ServicePointState state, Instant effectiveFrom, Optional<Instant> effectiveTo) {

  public enum Action { UPSERT, DEACTIVATE }

  public static final List<String> FIELDS = List.of("action", "sdpId", "uniqueId", "meter", "commModule", "premise",
      "account", "billingAgent", "channels", "effectiveFrom", "effectiveTo");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

  /** The outcome of reading one input record. */
  public sealed interface Parsed permits Valid, Invalid {}

  public record Valid(SyncRecord record) implements Parsed {}

  /** @param sdpId the record's service point id as given, empty when missing */
  public record Invalid(int index, String sdpId, String reason) implements Parsed {}

  public Period period() {
    return new Period(effectiveFrom, effectiveTo, state);
  }

  /**
   * @param index  the record's place in its set (0-based), for the report
   * @param fields field name to value: strings, or for {@code channels} a list of strings or one
   *               string separated by {@code ;}
   */
  public static Parsed parse(int index, Map<String, ?> fields) {
    String sdpId = text(fields.get("sdpId"));
    List<String> errors = new ArrayList<>();
    for (String name : fields.keySet()) {
      if (!FIELDS.contains(name)) {
        errors.add("unknown field '" + name + "'");
      }
    }
    Action action = Action.UPSERT;
    String actionText = text(fields.get("action"));
    if (!actionText.isEmpty()) {
      try {
        action = Action.valueOf(actionText.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("action must be UPSERT or DEACTIVATE, found '" + actionText + "'");
      }
    }
    id(fields, "sdpId", true, errors);
    boolean upsert = action == Action.UPSERT;
    String uniqueId = id(fields, "uniqueId", upsert, errors);
    String meter = id(fields, "meter", upsert, errors);
    String commModule = id(fields, "commModule", false, errors);
    String premise = id(fields, "premise", false, errors);
    String account = id(fields, "account", false, errors);
    String billingAgent = id(fields, "billingAgent", false, errors);
    List<String> channels = channels(fields.get("channels"), errors);
    Optional<Instant> from = instant(fields, "effectiveFrom", errors);
    if (from.isEmpty() && !errors.stream().anyMatch(e -> e.startsWith("effectiveFrom"))) {
      errors.add("effectiveFrom is required");
    }
    Optional<Instant> to = instant(fields, "effectiveTo", errors);
    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
      errors.add("effectiveTo " + to.get() + " must be after effectiveFrom " + from.get());
    }
    if (!upsert && to.isPresent()) {
      errors.add("a DEACTIVATE record takes no effectiveTo");
    }
    if (!errors.isEmpty()) {
      return new Invalid(index, sdpId, String.join("; ", errors));
    }
    var state = new ServicePointState(sdpId, uniqueId, meter, commModule, premise, account, billingAgent, channels);
    return new Valid(new SyncRecord(action, state, from.orElseThrow(), to));
  }

  /** The record as the fields {@link #parse} reads back. */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("action", action.name());
    f.put("sdpId", state.sdpId());
    f.put("uniqueId", state.uniqueId());
    f.put("meter", state.meter());
    f.put("commModule", state.commModule());
    f.put("premise", state.premise());
    f.put("account", state.account());
    f.put("billingAgent", state.billingAgent());
    f.put("channels", state.channels());
    f.put("effectiveFrom", effectiveFrom.toString());
    effectiveTo.ifPresent(t -> f.put("effectiveTo", t.toString()));
    return f;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  private static String id(Map<String, ?> fields, String name, boolean required, List<String> errors) {
    Object raw = fields.get(name);
    if (raw != null && !(raw instanceof String)) {
      errors.add(name + " must be a string");
      return "";
    }
    String value = text(raw);
    if (value.isEmpty()) {
      if (required) {
        errors.add(name + " is required");
      }
      return "";
    }
    if (!ID.matcher(value).matches()) {
      errors.add(name + " '" + abbreviate(value) + "' must be 1 to 64 letters, digits or . _ : / - (starting with a"
          + " letter or digit)");
    }
    return value;
  }

  private static List<String> channels(Object raw, List<String> errors) {
    List<String> names = new ArrayList<>();
    if (raw == null) {
      return names;
    }
    if (raw instanceof List<?> list) {
      list.forEach(c -> names.add(text(c)));
    } else if (raw instanceof String s) {
      for (String c : s.split(";", -1)) {
        if (!c.isBlank() || !s.isBlank()) {
          names.add(c.trim());
        }
      }
    } else {
      errors.add("channels must be a list of channel names or one string separated by ';'");
      return names;
    }
    if (names.size() > 64) {
      errors.add("at most 64 channels, found " + names.size());
    }
    for (String c : names) {
      if (!ID.matcher(c).matches()) {
        errors.add("channel '" + abbreviate(c) + "' is not a valid channel name");
      }
    }
    return names;
  }

  private static Optional<Instant> instant(Map<String, ?> fields, String name, List<String> errors) {
    String value = text(fields.get(name));
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      errors.add(name + " '" + abbreviate(value) + "' is not an ISO-8601 instant such as 2024-03-01T00:00:00Z");
      return Optional.empty();
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
