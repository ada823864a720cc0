package org.adcs.mdm.masterdata;

import java.util.List;
import java.util.Objects;

/**
 * What a service delivery point is related to during one period (R-MD-1): its meter, communications
 * module, premise, account, billing agent and channel set-up. The LDC's own id never changes; the
 * system-wide unique id is carried with it.
 */
public record ServicePointState(
    String sdpId, String uniqueId, String meter, String commModule, String premise, String account,
    String billingAgent, List<String> channels) {

  public ServicePointState {
    Objects.requireNonNull(sdpId, "sdpId");
    Objects.requireNonNull(uniqueId, "uniqueId");
    Objects.requireNonNull(meter, "meter");
    channels = List.copyOf(channels);
  }
}
