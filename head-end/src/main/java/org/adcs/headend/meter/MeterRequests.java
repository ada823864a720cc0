package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.adcs.headend.serialization.CborSerializable;

/**
 * What a meter entity asks of its meter's live connection (the meter session actor, on whichever
 * node holds the socket). Protocol-neutral: the session turns each request into DLMS.
 */
public final class MeterRequests {

  private MeterRequests() {}

  public interface Request extends CborSerializable {}

  /**
   * Write a read schedule into the meter (R-SCH-3, R-SCH-5, R-SCH-7): slot 0 is the default daily
   * push, 1..{@link Meter#MAX_EXTRA_SCHEDULES} the non-default ones; the meter pushes at every one of
   * {@code times} (every day). An empty list clears the slot.
   */
  public record WriteSchedule(int slot, List<LocalTime> times, ActorRef<Outcome> replyTo) implements Request {
    public WriteSchedule {
      times = List.copyOf(times);
    }
  }

  /** Read back the times a schedule slot of the meter holds (R-MIS-3: is the schedule set as recorded?). */
  public record ReadSchedule(int slot, ActorRef<ScheduleHeld> replyTo) implements Request {}

  /** What a schedule slot holds; {@code ok} false with {@code detail} when the meter did not answer. */
  public record ScheduleHeld(boolean ok, String detail, List<LocalTime> times) implements CborSerializable {
    public ScheduleHeld {
      times = times == null ? List.of() : List.copyOf(times);
    }
  }

  /** Program the meter's recording interval (the load profile's capture period, R-SCH-7). */
  public record WriteIntervalLength(int minutes, ActorRef<Outcome> replyTo) implements Request {}

  /** @param ok the meter validated, stored and acknowledged the request; otherwise {@code detail} says why not */
  public record Outcome(boolean ok, String detail, Instant at) implements CborSerializable {}

  /**
   * Read a range of the meter's memory (R-OD-1, R-MIS-1): its clock, current registers, the complete
   * intervals ending in {@code (from, to]}, its event log over the range, its identifier. A null
   * {@code from} means the meter's last midnight and a null {@code to} its "now" (the on-demand read).
   */
  public record ReadRange(Instant from, Instant to, MeterModel.Source source, ActorRef<ReadResult> replyTo)
      implements Request {}

  /**
   * What a read returned; {@code ok} false with {@code detail} when the meter gave no valid answer.
   * Intervals and registers carry their multipliers (R-COL-2).
   */
  public record ReadResult(boolean ok, String detail, Instant at, String logicalDeviceName, Instant meterClock,
      List<MeterModel.RegisterValue> registers, MeterModel.Delivery intervals,
      List<MeterModel.LoggedEvent> events) implements CborSerializable {

    public static ReadResult failed(String detail, Instant at) {
      return new ReadResult(false, detail, at, null, null, List.of(), null, List.of());
    }

    /** Intervals present in the answer, over all channels' days of the first channel. */
    public int intervalsReceived() {
      if (intervals == null || intervals.days().isEmpty()) {
        return 0;
      }
      String channel = intervals.days().get(0).channel();
      return intervals.days().stream().filter(d -> d.channel().equals(channel))
          .mapToInt(d -> d.presentIntervals().cardinality()).sum();
    }
  }
}
