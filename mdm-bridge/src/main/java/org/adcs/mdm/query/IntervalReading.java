package org.adcs.mdm.query;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.Set;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeFlag;

/**
 * One interval as a requester sees it: its end in the requester's time zone (R-COL-6: the meter's
 * standard time, converted on the way out), the engineering value and, for validated data, the
 * status and flags. Raw readings have no status (null). {@code source} says how the day was
 * collected (R-COL-4) and {@code intervalMinutes} how long the interval is.
 */
public record IntervalReading(ZonedDateTime end, BigDecimal value, String unit, IntervalStatus status,
    Set<VeeFlag> flags, long version, ReadingSource source, int intervalMinutes) {}
