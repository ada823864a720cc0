package org.adcs.mdm.bridge;

import org.adcs.mdm.reading.MeterId;

/** Test-data deliveries for benchmarks in other packages. */
public final class SampleDeliveries {

  private SampleDeliveries() {}

  public static CollectedReadings nightly(MeterId meter, java.time.LocalDate day, long revision) {
    return Deliveries.nightly(meter, day, revision, Deliveries.all(), null);
  }
}
