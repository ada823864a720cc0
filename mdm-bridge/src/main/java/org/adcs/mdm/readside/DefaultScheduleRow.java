package org.adcs.mdm.readside;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/**
 * A meter's place in the read groups: its group ({@link ScheduleReadSideSchema#UNSCHEDULED} when it
 * has none), read time, the entity event that set it, and when the meter acknowledged it (R-SCH-3).
 */
public record DefaultScheduleRow(String meterId, int readGroup, Optional<LocalTime> readTime, long groupSeq,
    Optional<Instant> acknowledgedAt) {}
