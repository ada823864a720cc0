package org.adcs.headend.meter;

import akka.actor.typed.ActorRef;
import java.time.Instant;
import java.time.LocalTime;
import org.adcs.headend.serialization.CborSerializable;

/**
 * What a meter entity asks of its meter's live connection (the meter session actor, on whichever
 * node holds the socket). Protocol-neutral: the session turns each request into DLMS.
 */
public final class MeterRequests {

  private MeterRequests() {}

  public interface Request extends CborSerializable {}

  /** Write the daily push (read) time into the meter's schedule (R-SCH-3, R-SCH-7). */
  public record WriteDailyReadTime(LocalTime time, ActorRef<Outcome> replyTo) implements Request {}

  /** @param ok the meter validated, stored and acknowledged the request; otherwise {@code detail} says why not */
  public record Outcome(boolean ok, String detail, Instant at) implements CborSerializable {}

  /**
   * Read the meter now (R-OD-1): its clock, current registers, the complete intervals since its
   * midnight, its event log since midnight, its identifier.
   */
  public record ReadNow(ActorRef<ReadResult> replyTo) implements Request {}

  /**
   * What an on-demand read returned; {@code ok} false with {@code detail} when the meter gave no
   * valid answer. Intervals and registers carry their multipliers (R-COL-2).
   */
  public record ReadResult(boolean ok, String detail, Instant at, String logicalDeviceName, Instant meterClock,
      java.util.List<MeterModel.RegisterValue> registers, MeterModel.Delivery intervals,
      java.util.List<MeterModel.LoggedEvent> events) implements CborSerializable {

    public static ReadResult failed(String detail, Instant at) {
      return new ReadResult(false, detail, at, null, null, java.util.List.of(), null, java.util.List.of());
    }
  }
}
