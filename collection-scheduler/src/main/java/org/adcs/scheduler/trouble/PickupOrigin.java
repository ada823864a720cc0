package org.adcs.scheduler.trouble;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Who raised a field pickup request (R-FLD-1): the system from a trouble report, or an operator. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PickupOrigin.TroubleReportOrigin.class, name = "trouble-report"),
    @JsonSubTypes.Type(value = PickupOrigin.OperatorOrigin.class, name = "operator")})
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
