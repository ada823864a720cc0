package org.adcs.mdm.report;

import java.util.OptionalDouble;

/** Ratios for reports: empty when there is nothing to divide by, so no data never reads as 0 % or 100 %. */
public final class Share {

  private Share() {}

  public static OptionalDouble of(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }
}
