package org.adcs.headend.session;

import java.util.Map;

/**
 * Standard event log codes to the event types downstream systems subscribe to (R-EV-1), as the
 * simulator's meters log them (simulator/README.md). Codes not listed are kept with type OTHER and
 * their code.
 */
public final class EventCodes {

  private static final Map<Integer, String> TYPES = Map.ofEntries(
      Map.entry(1, "POWER_OUTAGE"),
      Map.entry(2, "POWER_RESTORED"),
      Map.entry(4, "CLOCK_CORRECTED"),
      Map.entry(5, "CLOCK_CORRECTED"),
      Map.entry(6, "CLOCK_ERROR"),
      Map.entry(42, "TAMPER"),
      Map.entry(44, "METER_REMOVAL"),
      Map.entry(61, "REMOTE_DISCONNECT"),
      Map.entry(62, "REMOTE_CONNECT"),
      Map.entry(230, "SELF_TEST"),
      Map.entry(231, "SELF_TEST"));

  private EventCodes() {}

  public static String typeOf(int code) {
    return TYPES.getOrDefault(code, "OTHER");
  }

  /**
   * The standard event log has no counter: an event is identified by its time and code, which
   * orders events as the log does and is the same each time the meter sends it.
   */
  public static long sequence(java.time.LocalDateTime occurredAt, int code) {
    return occurredAt.toEpochSecond(java.time.ZoneOffset.UTC) * 100_000L + code;
  }
}
