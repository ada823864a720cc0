package org.adcs.scheduler.nondefault;

import org.adcs.scheduler.port.TimeRange;

/** How the recovery of one miss of a non-default schedule ended (R-MIS-3). */
public record NonDefaultMiss(String meterId, String scheduleId, TimeRange missing, int attempts, int scheduleRewrites, boolean recovered) {}
