/**
 * Reports over what the store recorded (R-VEE-4, R-OPS-5): the share of estimated data, timeliness
 * of interval data and service levels, computed from the daily completeness rows (one per meter,
 * channel and day, never the interval data itself) and the nodes' uptime minutes.
 */
package org.adcs.mdm.report;
