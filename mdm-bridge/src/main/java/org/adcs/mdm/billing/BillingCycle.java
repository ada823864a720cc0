package org.adcs.mdm.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A billing cycle (R-MD-4): on its day of each month, billing quantities of its service points for the
 * month that ended that local midnight are computed and put in the billing agent's mailbox.
 *
 * @param lastRun the local date of the last run, so a day's run happens once
 */
public record BillingCycle(String name, int dayOfMonth, String billingAgent, List<String> servicePoints,
    Framing framing, Optional<LocalDate> lastRun) {

  public static final int MAX_SERVICE_POINTS = 10_000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  public BillingCycle {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a cycle name is 1 to 32 letters, digits or . _ -");
    }
    if (dayOfMonth < 1 || dayOfMonth > 28) {
      throw new IllegalArgumentException("a cycle's day of month is 1 to 28 (every month has it), found "
          + dayOfMonth);
    }
    if (billingAgent == null || billingAgent.isBlank() || billingAgent.length() > BqRequest.MAX_ID) {
      throw new IllegalArgumentException("billingAgent must be 1 to " + BqRequest.MAX_ID + " characters");
    }
    servicePoints = List.copyOf(servicePoints);
    if (servicePoints.isEmpty() || servicePoints.size() > MAX_SERVICE_POINTS) {
      throw new IllegalArgumentException("a cycle has 1 to " + MAX_SERVICE_POINTS + " service points");
    }
    for (String sdp : servicePoints) {
      if (sdp == null || sdp.isBlank() || sdp.length() > BqRequest.MAX_ID) {
        throw new IllegalArgumentException("service point ids are 1 to " + BqRequest.MAX_ID + " characters");
      }
    }
    Objects.requireNonNull(framing, "framing");
    Objects.requireNonNull(lastRun, "lastRun");
  }

  /** Whether the cycle runs on {@code today} (a local date) and has not yet. */
  public boolean dueOn(LocalDate today) {
    return today.getDayOfMonth() == dayOfMonth && lastRun.map(today::isAfter).orElse(true);
  }

  /** The request id of a service point's response in the run of {@code runDate}. */
  public String requestId(LocalDate runDate, String sdpId) {
    return "cycle-" + name + "-" + runDate + "-" + sdpId;
  }

  public BillingCycle ranOn(LocalDate day) {
    return new BillingCycle(name, dayOfMonth, billingAgent, servicePoints, framing, Optional.of(day));
  }
}
