package org.adcs.headend.session;

import java.util.Map;

/**
 * Standard event log codes to the event types downstream systems subscribe to (R-EV-1). Codes
 * not listed are kept with type OTHER and their code.
 */
final class EventCodes {

  private static final Map<Integer, String> TYPES = Map.ofEntries(
      Map.entry(1, "POWER_OUTAGE"),
      Map.entry(2, "POWER_RESTORED"),
      Map.entry(4, "CLOCK_CORRECTED"),
      Map.entry(5, "CLOCK_CORRECTED"),
      Map.entry(6, "CLOCK_ERROR"),
      Map.entry(40, "METER_REMOVAL"),
      Map.entry(44, "METER_REMOVAL"),
      Map.entry(45, "TAMPER"),
      Map.entry(46, "TAMPER"),
      Map.entry(47, "SELF_TEST"),
      Map.entry(70, "REMOTE_DISCONNECT"),
      Map.entry(71, "REMOTE_CONNECT"));

  private EventCodes() {}

  static String typeOf(int code) {
    return TYPES.getOrDefault(code, "OTHER");
  }
}
