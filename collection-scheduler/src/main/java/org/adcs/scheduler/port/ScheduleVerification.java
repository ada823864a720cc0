package org.adcs.scheduler.port;

/** Whether a schedule is set in the meter as the head-end recorded it (R-MIS-3). */
public record ScheduleVerification(String meterId, String scheduleId, boolean setInMeter) {}
