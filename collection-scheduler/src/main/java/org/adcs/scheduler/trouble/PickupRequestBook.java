package org.adcs.scheduler.trouble;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.adcs.scheduler.SchedulerSerializable;

/**
 * Open field pickup requests (R-FLD-1): at most one open request per meter, so a second request for
 * the same meter returns the open one instead of sending a second crew. Decide and apply steps as in
 * {@link TroubleReportBook}. The most recently closed requests are kept too (at most
 * {@link #CLOSED_KEPT}), so a field tool that uploads again for a closed request is told so. Not
 * thread-safe: one actor owns it.
 */
public final class PickupRequestBook {

  /** How many closed requests the book remembers, oldest forgotten first. */
  public static final int CLOSED_KEPT = 10_000;

  /** Which requests a listing shows. */
  public enum Status { OPEN, CLOSED }

  /** One page of a listing, in id order, and how many requests the filter matches in all. */
  public record Page(List<PickupRequest> requests, int total) implements SchedulerSerializable {
    public Page {
      requests = List.copyOf(requests);
    }
  }

  /** The open request for the meter, or a new one to apply. */
  public sealed interface Decision {
    PickupRequest request();

    record AlreadyOpen(PickupRequest request) implements Decision {}

    record Raise(PickupRequest request) implements Decision {}
  }

  private final Clock clock;
  private final Map<Long, PickupRequest> open = new HashMap<>();
  private final Map<String, Long> openByMeter = new HashMap<>();
  private final LinkedHashMap<Long, PickupRequest> closed = new LinkedHashMap<>();
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

  /** The open request with this id. */
  public Optional<PickupRequest> find(long id) {
    return Optional.ofNullable(open.get(id));
  }

  /** The request with this id, open or among the recently closed. */
  public Optional<PickupRequest> lookup(long id) {
    return find(id).or(() -> Optional.ofNullable(closed.get(id)));
  }

  /** Closes the request when the field upload has been stored (R-FLD-2); empty when it is not open. */
  public Optional<PickupRequest> close(long id) {
    return close(id, clock.instant());
  }

  /** As {@link #close(long)}, closed at {@code at} (the time the closing event carries). */
  public Optional<PickupRequest> close(long id, Instant at) {
    PickupRequest request = open.remove(id);
    if (request == null) {
      return Optional.empty();
    }
    openByMeter.remove(request.meterId());
    PickupRequest done = new PickupRequest(request.id(), request.meterId(), request.origin(), request.reason(), request.raised(),
        Optional.of(at));
    remember(done);
    return Optional.of(done);
  }

  private void remember(PickupRequest done) {
    closed.put(done.id(), done);
    if (closed.size() > CLOSED_KEPT) {
      closed.remove(closed.keySet().iterator().next());
    }
  }

  /**
   * The requests for {@code meterId} (empty: all meters) in {@code status} (empty: both), in id
   * order, from {@code offset}, at most {@code limit}.
   */
  public Page list(Optional<String> meterId, Optional<Status> status, int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be at least 0 and limit at least 1");
    }
    Stream<PickupRequest> openOnes = status.filter(s -> s == Status.CLOSED).isPresent() ? Stream.empty() : open.values().stream();
    Stream<PickupRequest> closedOnes = status.filter(s -> s == Status.OPEN).isPresent() ? Stream.empty() : closed.values().stream();
    List<PickupRequest> matching = Stream.concat(openOnes, closedOnes)
        .filter(r -> meterId.map(r.meterId()::equals).orElse(true))
        .sorted(Comparator.comparingLong(PickupRequest::id))
        .toList();
    List<PickupRequest> page = offset >= matching.size() ? List.of()
        : new ArrayList<>(matching.subList(offset, (int) Math.min(matching.size(), (long) offset + limit)));
    return new Page(page, matching.size());
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

  /** The recently closed requests, oldest first, for a snapshot. */
  public List<PickupRequest> closedRequests() {
    return List.copyOf(closed.values());
  }

  /** Restores the book from a snapshot. */
  public void restore(List<PickupRequest> requests, List<PickupRequest> closedRequests, long nextRequestId) {
    open.clear();
    openByMeter.clear();
    closed.clear();
    requests.forEach(this::applyRaised);
    closedRequests.forEach(this::remember);
    nextId = nextRequestId;
  }
}
