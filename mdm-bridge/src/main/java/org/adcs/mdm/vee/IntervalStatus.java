package org.adcs.mdm.vee;

/** The status of each validated interval (R-VEE-2). VAL, EST and NV are billable; NVE is not. */
public enum IntervalStatus {
  VALID("VAL", true),
  ESTIMATED("EST", true),
  NOT_VALIDATED("NV", true),
  NEEDS_VERIFY("NVE", false);

  private final String code;
  private final boolean billable;

  IntervalStatus(String code, boolean billable) {
    this.code = code;
    this.billable = billable;
  }

  /** The short code used in the store and in extracts. */
  public String code() {
    return code;
  }

  public boolean billable() {
    return billable;
  }

  public static IntervalStatus ofCode(String code) {
    for (IntervalStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown interval status code " + code);
  }
}
