/**
 * The collection scheduler: read groups and their balance (R-SCH-1..4), daily completeness and
 * missing-data recovery (R-COL-3, R-MIS-1..3, R-MIS-5), trouble reports and pickup requests
 * (R-MIS-4, R-FLD-1), the workload manager for all meter traffic (R-OD-4), mass reads (R-OD-3) and
 * outage pacing (R-MIS-6).
 *
 * <p>It knows nothing of DLMS or of the store: meters are reached through {@link
 * org.adcs.scheduler.port.MeterPort} and collection facts are read through the interfaces of
 * {@link org.adcs.scheduler.readside}. Actors hold aggregates and cursors, never one object per meter
 * of the whole population.
 */
package org.adcs.scheduler;
