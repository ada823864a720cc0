package org.adcs.scheduler.trouble;

/** Why a communications trouble report was opened (R-MIS-4). */
public enum TroubleReason {
  RECENT_DAYS_MISSING,
  DAYS_MISSING_IN_WINDOW
}
