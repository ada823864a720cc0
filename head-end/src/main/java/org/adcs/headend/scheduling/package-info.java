/**
 * The collection scheduler's life inside the head-end: its read side fed from the meter entities'
 * journal and read back through the scheduler's {@code readside} interfaces, its actors started as
 * cluster singletons, its run records, operator alerts and missing-data history in the store, and
 * its {@code MeterPort} over the meter entities.
 */
package org.adcs.headend.scheduling;
