package org.adcs.mdm.readside;

import java.time.Instant;

/** A meter in service and when it registered: days before that are not owed (R-COL-3). */
public record MeterInService(String meterId, Instant registeredAt) {}
