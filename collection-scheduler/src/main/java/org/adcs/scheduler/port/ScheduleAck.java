package org.adcs.scheduler.port;

import java.time.Instant;

/** The meter's answer to a schedule write (R-SCH-3). */
public sealed interface ScheduleAck {

  String meterId();

  record Acknowledged(String meterId, Instant at) implements ScheduleAck {}

  record NotAcknowledged(String meterId, String reason) implements ScheduleAck {}
}
