package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A day of interval data the MDM did not post because its meter had no service point then (R-MD-1).
 * The raw data is kept in the store as delivered; this names what waits, and why.
 *
 * @param revision the delivery that brought it, the one re-posted when master data arrives
 */
public record RejectedReading(String meter, LocalDate day, String channel, String unit, long revision,
    Instant postedAt, Instant rejectedAt, String reason) {

  static String reasonFor(String meter, LocalDate day) {
    return "meter " + meter + " is not synchronised: no service point relationship covers " + day;
  }
}
