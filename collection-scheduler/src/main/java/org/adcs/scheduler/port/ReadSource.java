package org.adcs.scheduler.port;

/** The source recorded with every datum the scheduler asks for (R-COL-4). */
public enum ReadSource {
  SCHEDULED,
  ON_DEMAND,
  RECOVERY
}
