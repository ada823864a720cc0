package org.adcs.scheduler.recovery;

/** How one meter's recovery ended (R-MIS-2: full / partial / unsuccessful). */
public enum RecoveryOutcome {
  /** Nothing was missing: the meter's data came on schedule. */
  ON_SCHEDULE,
  RECOVERED,
  PARTIALLY_RECOVERED,
  FAILED
}
