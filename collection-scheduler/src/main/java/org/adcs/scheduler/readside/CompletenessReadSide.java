package org.adcs.scheduler.readside;

import java.time.LocalDate;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.completeness.MeterCompleteness;

/**
 * Per-meter daily completeness as the MDM store records it (R-COL-3, R-MIS-1, R-MIS-2), in meter id
 * order. The store implements it over its completeness table.
 */
public interface CompletenessReadSide {

  /**
   * Completeness of the days {@code lastDay - span + 1 .. lastDay} for the meters after the page
   * request's key. Every meter in service appears, also those with no data at all.
   */
  CompletionStage<Page<MeterCompleteness>> completeness(LocalDate lastDay, int span, PageRequest page);
}
