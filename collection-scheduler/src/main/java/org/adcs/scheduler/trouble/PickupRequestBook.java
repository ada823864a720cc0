package org.adcs.scheduler.trouble;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open field pickup requests (R-FLD-1): at most one open request per meter, so a second request for
 * the same meter returns the open one instead of sending a second crew. Decide and apply steps as in
 * {@link TroubleReportBook}. Not thread-safe: one actor owns it.
 */
public final class PickupRequestBook {

  /** The open request for the meter, or a new one to apply. */
  public sealed interface Decision {
    PickupRequest request();

    record AlreadyOpen(PickupRequest request) implements Decision {}

    record Raise(PickupRequest request) implements Decision {}
  }

  private final Clock clock;
  private final Map<Long, PickupRequest> open = new HashMap<>();
  private final Map<String, Long> openByMeter = new HashMap<>();
  private long nextId = 1;

  public PickupRequestBook(Clock clock) {
    this.clock = clock;
  }

  public Decision decideRaise(String meterId, PickupOrigin origin, String reason) {
    if (meterId == null || meterId.isBlank()) {
      throw new IllegalArgumentException("a pickup request needs a meter id");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a pickup request needs a reason");
    }
    Long existing = openByMeter.get(meterId);
    if (existing != null) {
      return new Decision.AlreadyOpen(open.get(existing));
    }
    return new Decision.Raise(new PickupRequest(nextId, meterId, origin, reason, clock.instant(), Optional.empty()));
  }

  public void applyRaised(PickupRequest request) {
    open.put(request.id(), request);
    openByMeter.put(request.meterId(), request.id());
    nextId = Math.max(nextId, request.id() + 1);
  }

  /** Raises a request or returns the open one: {@link #decideRaise} and {@link #applyRaised} in one step. */
  public PickupRequest raise(String meterId, PickupOrigin origin, String reason) {
    Decision decision = decideRaise(meterId, origin, reason);
    if (decision instanceof Decision.Raise) {
      applyRaised(decision.request());
    }
    return decision.request();
  }

  public Optional<PickupRequest> openFor(String meterId) {
    return Optional.ofNullable(openByMeter.get(meterId)).map(open::get);
  }

  public Optional<PickupRequest> find(long id) {
    return Optional.ofNullable(open.get(id));
  }

  /** Closes the request when the field upload has been stored (R-FLD-2); empty when it is not open. */
  public Optional<PickupRequest> close(long id) {
    PickupRequest request = open.remove(id);
    if (request == null) {
      return Optional.empty();
    }
    openByMeter.remove(request.meterId());
    return Optional.of(new PickupRequest(request.id(), request.meterId(), request.origin(), request.reason(), request.raised(),
        Optional.of(clock.instant())));
  }

  public int openCount() {
    return open.size();
  }

  /** The open requests, for a snapshot. */
  public List<PickupRequest> openRequests() {
    return List.copyOf(open.values());
  }

  /** The id the next request gets, for a snapshot. */
  public long nextId() {
    return nextId;
  }

  /** Restores the book from a snapshot. */
  public void restore(List<PickupRequest> requests, long nextRequestId) {
    open.clear();
    openByMeter.clear();
    requests.forEach(this::applyRaised);
    nextId = nextRequestId;
  }
}
