package org.adcs.mdm.billing;

/** Whether a part of a billing quantity response carries quantities, and if not, why not (R-MD-4). */
public enum BqStatus {
  OK,
  /** The service point has no meter during the part. */
  NO_METER,
  /** The service point is not active (no relationship is effective) during the part. */
  INACTIVE_SERVICE_POINT,
  /** The requester is not the service point's billing agent during the part. */
  NOT_BILLING_AGENT,
  /** An interval of the part has no validated value. */
  MISSING_INTERVAL,
  /** An interval of the part needs verification (NVE): not billable (R-VEE-2). */
  NVE_INTERVAL,
  /** Fewer than two register reads fall in the part, so the sum check cannot be made. */
  NO_REGISTER_READS,
  /** The intervals' sum differs from the register difference by more than the threshold. */
  SUM_CHECK_EXCEEDED,
  /** The framing cannot be applied to the meter's data (e.g. intervals longer than the demand window). */
  FRAMING_NOT_APPLICABLE
}
