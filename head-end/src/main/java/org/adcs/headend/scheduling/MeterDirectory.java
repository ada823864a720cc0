package org.adcs.headend.scheduling;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.readside.KeyPage;
import org.adcs.mdm.readside.MeterInService;

/** The meters in service whose id starts with a prefix, a page at a time in meter id order (the console's search). */
@FunctionalInterface
public interface MeterDirectory {

  /**
   * @param prefix the start of the ids sought; empty for every meter
   * @param after  the last id of the previous page
   */
  CompletionStage<KeyPage<MeterInService>> startingWith(String prefix, Optional<String> after, int limit);
}
