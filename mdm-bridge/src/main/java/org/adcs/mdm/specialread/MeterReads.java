package org.adcs.mdm.specialread;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One meter's cumulative register values at a special read, by channel name, in the channel's unit
 * (Wh, varh) as whole numbers.
 */
public record MeterReads(String meter, Map<String, Long> registers) {

  public MeterReads {
    Objects.requireNonNull(meter, "meter");
    if (meter.isBlank()) {
      throw new IllegalArgumentException("meter id must not be blank");
    }
    if (registers == null || registers.isEmpty()) {
      throw new IllegalArgumentException("a read of meter " + meter + " needs at least one register value");
    }
    registers.forEach((channel, value) -> {
      if (value == null || value < 0) {
        throw new IllegalArgumentException("register " + channel + " of meter " + meter
            + " must be a non-negative cumulative value, found " + value);
      }
    });
    registers = new TreeMap<>(registers);
  }
}
