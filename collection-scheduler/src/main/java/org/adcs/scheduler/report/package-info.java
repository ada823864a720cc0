/**
 * The scheduler's reports for operators, as lines a caller can page through: the exception report's
 * meters (R-MIS-1, R-MIS-2), the recovery outcomes, and the trouble report aging (R-MIS-4).
 */
package org.adcs.scheduler.report;
