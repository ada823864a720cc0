package org.adcs.mdm.bridge;

import org.adcs.mdm.reading.IntervalDay;

/**
 * Decides whether a delivered day is posted now (validated, stored, routed) or only kept raw until
 * something it needs arrives, such as the meter's master data (R-MD-1). It may block briefly: it is
 * called on the posting's continuation executor.
 */
@FunctionalInterface
public interface PostingGate {

  PostingGate OPEN = (day, delivery) -> true;

  /** @return true to post the day; false when the gate has recorded why it waits */
  boolean admit(IntervalDay day, CollectedReadings delivery);
}
