package org.adcs.mdm.masterdata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Whether a meter is synchronised for a day: some service point relationship covers part of it (R-MD-1). */
public final class MeterCoverage {

  private final MasterDataStore store;
  private final ZoneOffset standardTime;

  /** @param standardTime the zone of reading days (the meters' standard time) */
  public MeterCoverage(MasterDataStore store, ZoneOffset standardTime) {
    this.store = store;
    this.standardTime = standardTime;
  }

  public boolean isSynchronised(String meter, LocalDate day) {
    Instant start = day.atStartOfDay().toInstant(standardTime);
    Instant end = day.plusDays(1).atStartOfDay().toInstant(standardTime);
    for (String sdp : store.servicePointsOfMeter(meter)) {
      if (store.timeline(sdp).map(t -> t.servesMeter(meter, start, end)).orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
