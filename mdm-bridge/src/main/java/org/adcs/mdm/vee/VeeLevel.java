package org.adcs.mdm.vee;

/** The VEE service level of a service point (R-VEE-2). */
public enum VeeLevel {
  /** Validate and estimate. */
  FULL,
  /** Store as delivered with status NV; gaps are still estimated. */
  NO_VALIDATION,
  /** Validate, but leave gaps unestimated (NVE). */
  NO_ESTIMATION
}
