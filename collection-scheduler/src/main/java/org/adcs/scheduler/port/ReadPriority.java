package org.adcs.scheduler.port;

/**
 * Priority of meter traffic in the workload manager (R-OD-4), highest first: an operator's
 * on-demand read before recovery before mass reads before routine re-reads.
 */
public enum ReadPriority {
  OPERATOR,
  RECOVERY,
  MASS_READ,
  ROUTINE
}
