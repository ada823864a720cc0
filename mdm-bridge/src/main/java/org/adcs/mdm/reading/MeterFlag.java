package org.adcs.mdm.reading;

/**
 * Per-interval conditions the meter itself reported, translated from its protocol's status bits by
 * the head-end. Stored as a bit mask, so the order of the constants is part of the stored format:
 * only ever append.
 */
public enum MeterFlag {
  POWER_OUTAGE,
  CLOCK_ADJUSTED,
  CLOCK_INVALID,
  DATA_NOT_VALID,
  TAMPER,
  DAYLIGHT_SAVING;

  public int bit() {
    return 1 << ordinal();
  }

  public boolean in(int mask) {
    return (mask & bit()) != 0;
  }
}
