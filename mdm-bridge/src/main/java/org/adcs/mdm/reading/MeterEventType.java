package org.adcs.mdm.reading;

/** The event types downstream systems subscribe to (R-EV-1, R-EV-2). */
public enum MeterEventType {
  POWER_OUTAGE,
  POWER_RESTORED,
  METER_REMOVAL,
  REMOTE_CONNECT,
  REMOTE_DISCONNECT,
  TAMPER,
  SELF_TEST,
  CLOCK_ERROR,
  CLOCK_CORRECTED,
  OTHER
}
