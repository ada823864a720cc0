/**
 * Read-side tables for collection scheduling (R-SCH-1, R-SCH-4, R-SCH-5, R-COL-3, R-MIS-1..3): which
 * meters are in service and in which read group, when each day's scheduled data arrived, the
 * non-default schedules and how far each meter's data has come. Written from the meter entities'
 * events by the head-end, read a page at a time in meter id order. Knows nothing of the scheduler's
 * types: the head-end adapts these rows to them.
 *
 * <p>Writes carry data-derived timestamps (the entity event's sequence number, or the data's own
 * time), so replaying events after a restart changes nothing and an older event can never undo a
 * newer one.
 */
package org.adcs.mdm.readside;
