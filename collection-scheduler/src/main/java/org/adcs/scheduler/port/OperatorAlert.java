package org.adcs.scheduler.port;

import java.time.Instant;

/** An alert for the ADCS operator. */
public sealed interface OperatorAlert {

  Instant at();

  /** More than the configured share of meters is failing: recovery is paced down (R-MIS-6). */
  record OutageSuspected(Instant at, double failingShare, double threshold, int pacedConcurrency) implements OperatorAlert {}

  /** The failing share fell back below the threshold: recovery runs at full pace again. */
  record OutageCleared(Instant at, double failingShare) implements OperatorAlert {}
}
