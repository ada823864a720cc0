package org.adcs.scheduler.trouble;

/** Who raised a field pickup request (R-FLD-1): the system from a trouble report, or an operator. */
public sealed interface PickupOrigin {

  record TroubleReportOrigin(long troubleReportId) implements PickupOrigin {}

  record OperatorOrigin(String operator) implements PickupOrigin {
    public OperatorOrigin {
      if (operator == null || operator.isBlank()) {
        throw new IllegalArgumentException("a pickup request raised by an operator must name the operator");
      }
    }
  }
}
