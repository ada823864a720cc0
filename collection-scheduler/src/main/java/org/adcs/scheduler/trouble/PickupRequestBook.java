package org.adcs.scheduler.trouble;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open field pickup requests (R-FLD-1): at most one open request per meter, so a second request for
 * the same meter returns the open one instead of sending a second crew. Not thread-safe: one actor owns it.
 */
public final class PickupRequestBook {

  private static final Logger log = LoggerFactory.getLogger(PickupRequestBook.class);

  private final Clock clock;
  private final Map<Long, PickupRequest> open = new HashMap<>();
  private final Map<String, Long> openByMeter = new HashMap<>();
  private long nextId = 1;

  public PickupRequestBook(Clock clock) {
    this.clock = clock;
  }

  public PickupRequest raise(String meterId, PickupOrigin origin, String reason) {
    if (meterId == null || meterId.isBlank()) {
      throw new IllegalArgumentException("a pickup request needs a meter id");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a pickup request needs a reason");
    }
    Long existing = openByMeter.get(meterId);
    if (existing != null) {
      return open.get(existing);
    }
    PickupRequest request = new PickupRequest(nextId++, meterId, origin, reason, clock.instant(), Optional.empty());
    open.put(request.id(), request);
    openByMeter.put(meterId, request.id());
    MeterLog.info(log, meterId, "pickup request {} raised by {}: {}", request.id(), origin, reason);
    return request;
  }

  public Optional<PickupRequest> find(long id) {
    return Optional.ofNullable(open.get(id));
  }

  /** Closes the request when the field upload has been stored (R-FLD-2). */
  public Optional<PickupRequest> close(long id) {
    PickupRequest request = open.remove(id);
    if (request == null) {
      return Optional.empty();
    }
    openByMeter.remove(request.meterId());
    return Optional.of(new PickupRequest(request.id(), request.meterId(), request.origin(), request.reason(), request.raised(), Optional.of(clock.instant())));
  }

  public int openCount() {
    return open.size();
  }
}
