/**
 * What the scheduler needs from the outside world, as small asynchronous interfaces that other
 * modules implement: {@link org.adcs.scheduler.port.MeterPort} (head-end) and {@link
 * org.adcs.scheduler.port.OperatorAlerts} (head-end's operator notifications).
 */
package org.adcs.scheduler.port;
