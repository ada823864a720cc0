package org.adcs.mdm.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;

/**
 * A customer joining or leaving a supplier (the point's billing agent) at an instant, as a master-data
 * change shows it (R-MD-3): usage history is released to both sides then.
 *
 * @param leftAccount  the account whose supplier it was just before (empty when the point was not in service)
 * @param joinedAccount the account whose supplier it is from then on (empty when the service stops)
 */
public record SupplierSwitch(String sdpId, Instant at, Optional<String> oldSupplier, Optional<String> leftAccount,
    Optional<String> newSupplier, Optional<String> joinedAccount) {

  /** The switches {@code after} shows that {@code before} did not. */
  public static List<SupplierSwitch> between(ServicePointTimeline before, ServicePointTimeline after) {
    Set<SupplierSwitch> known = new HashSet<>(of(before));
    List<SupplierSwitch> added = new ArrayList<>();
    for (SupplierSwitch s : of(after)) {
      if (!known.contains(s)) {
        added.add(s);
      }
    }
    return added;
  }

  /** Every instant of the timeline where the supplier changes, its start and stop included. */
  static List<SupplierSwitch> of(ServicePointTimeline timeline) {
    Set<Instant> edges = new java.util.TreeSet<>();
    for (Period p : timeline.periods()) {
      edges.add(p.from());
      p.to().ifPresent(edges::add);
    }
    List<SupplierSwitch> switches = new ArrayList<>();
    for (Instant at : edges) {
      Optional<ServicePointState> was = timeline.at(at.minusNanos(1));
      Optional<ServicePointState> is = timeline.at(at);
      Optional<String> oldSupplier = was.map(ServicePointState::billingAgent);
      Optional<String> newSupplier = is.map(ServicePointState::billingAgent);
      if (!Objects.equals(oldSupplier, newSupplier)) {
        switches.add(new SupplierSwitch(timeline.sdpId(), at, oldSupplier, was.map(ServicePointState::account),
            newSupplier, is.map(ServicePointState::account)));
      }
    }
    return switches;
  }
}
