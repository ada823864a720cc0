package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a meter entity holds in memory while it waits for its meter: reads parked until the meter is
 * in contact (R-OD-2: the request waits for the meter within its timeout), and callers waiting for
 * a schedule write's acknowledgement. Not persisted: if the entity passivates or moves, the askers'
 * own timeouts answer them. Bounded, so a flood of requests for one dead meter cannot grow a heap.
 */
final class WaitingRequests {

  static final int MAX_PARKED_READS = 16;
  static final int MAX_SCHEDULE_WATCHERS = 32;

  /** @param attempt the attempt it will be when it runs (R-OD-2: a read is tried twice) */
  record ParkedRead(long id, Meter.ReadRange request, int attempt) {}

  private final List<ParkedRead> parked = new ArrayList<>();
  private final Map<String, List<ActorRef<MeterRequests.Outcome>>> watchers = new HashMap<>();
  private long nextId;

  /** @return the parked read, or empty when the meter already has as many waiting as it may */
  Optional<ParkedRead> park(Meter.ReadRange request, int attempt) {
    if (parked.size() >= MAX_PARKED_READS) {
      return Optional.empty();
    }
    ParkedRead read = new ParkedRead(++nextId, request, attempt);
    parked.add(read);
    return Optional.of(read);
  }

  /** Every parked read, to run now that the meter is in contact. */
  List<ParkedRead> takeParked() {
    List<ParkedRead> all = List.copyOf(parked);
    parked.clear();
    return all;
  }

  /** The parked read with this id, taken out, if it is still waiting (its wait ran out, or it is due). */
  Optional<ParkedRead> take(long id) {
    for (int i = 0; i < parked.size(); i++) {
      if (parked.get(i).id() == id) {
        return Optional.of(parked.remove(i));
      }
    }
    return Optional.empty();
  }

  boolean watch(String scheduleId, ActorRef<MeterRequests.Outcome> replyTo) {
    int total = watchers.values().stream().mapToInt(List::size).sum();
    if (total >= MAX_SCHEDULE_WATCHERS) {
      return false;
    }
    watchers.computeIfAbsent(scheduleId, id -> new ArrayList<>()).add(replyTo);
    return true;
  }

  void answerWatchers(String scheduleId, MeterRequests.Outcome outcome) {
    List<ActorRef<MeterRequests.Outcome>> waiting = watchers.remove(scheduleId);
    if (waiting != null) {
      waiting.forEach(w -> w.tell(outcome));
    }
  }
}
