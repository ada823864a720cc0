package org.adcs.headend.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.SingleActionScheduleObject;
import org.adcs.protocol.session.ClientSession;

/**
 * A live meter connection as an actor: its meter entity, on whichever node, sends requests here and
 * they go out over this node's socket as DLMS. Lives as long as the connection.
 *
 * <p>Read schedules are single action schedules 0.s.15.0.4.255 (s = 0 the default daily push,
 * 1..4 the non-default ones); the recording interval is the load profile's capture period.
 */
final class MeterSession {

  private MeterSession() {}

  /** The connection closed. */
  record Stop() implements MeterRequests.Request {}

  /** A request's answer, on its way back to the entity that asked (sent from the socket's thread). */
  private record Answer<T>(T answer, ActorRef<T> replyTo) implements MeterRequests.Request {
    void deliver() {
      replyTo.tell(answer);
    }
  }

  static Behavior<MeterRequests.Request> create(ClientSession session, Clock clock, ZoneOffset standardTime) {
    return Behaviors.receive((context, request) -> {
      if (request instanceof MeterRequests.ReadRange read) {
        answer(context, new RangeRead(session, clock, standardTime).run(read.from(), read.to(), read.source()),
            error -> MeterRequests.ReadResult.failed(rootMessage(error), clock.instant()), read.replyTo());
      } else if (request instanceof MeterRequests.WriteSchedule write) {
        answer(context, session.set(new CosemAttribute(SingleActionScheduleObject.CLASS_ID, schedule(write.slot()), 4),
                executionTimes(write.times())).thenApply(result -> outcome(result, "schedule", clock)),
            error -> new MeterRequests.Outcome(false, rootMessage(error), clock.instant()), write.replyTo());
      } else if (request instanceof MeterRequests.ReadSchedule read) {
        answer(context, session.get(new CosemAttribute(SingleActionScheduleObject.CLASS_ID, schedule(read.slot()), 4))
                .thenApply(MeterSession::scheduleHeld),
            error -> new MeterRequests.ScheduleHeld(false, rootMessage(error), List.of()), read.replyTo());
      } else if (request instanceof MeterRequests.WriteIntervalLength write) {
        answer(context, session.set(new CosemAttribute(ProfileGenericObject.CLASS_ID, ObisCode.LOAD_PROFILE, 4),
                new DlmsData.UInt32(write.minutes() * 60L)).thenApply(result -> outcome(result, "interval length", clock)),
            error -> new MeterRequests.Outcome(false, rootMessage(error), clock.instant()), write.replyTo());
      } else if (request instanceof Answer<?> answer) {
        answer.deliver();
      } else if (request instanceof Stop) {
        return Behaviors.stopped();
      }
      return Behaviors.same();
    });
  }

  private static <T> void answer(akka.actor.typed.javadsl.ActorContext<MeterRequests.Request> context,
      CompletableFuture<T> work, java.util.function.Function<Throwable, T> onError, ActorRef<T> replyTo) {
    context.pipeToSelf(work, (result, error) -> new Answer<>(error == null ? result : onError.apply(error), replyTo));
  }

  static ObisCode schedule(int slot) {
    return new ObisCode(0, slot, 15, 0, 4, 255);
  }

  static DlmsData.Array executionTimes(List<LocalTime> times) {
    return new DlmsData.Array(times.stream().map(t -> SingleActionScheduleObject.dailyAt(t.getHour(), t.getMinute()))
        .toList());
  }

  private static MeterRequests.Outcome outcome(DataAccessResult result, String what, Clock clock) {
    return result == DataAccessResult.SUCCESS ? new MeterRequests.Outcome(true, "set", clock.instant())
        : new MeterRequests.Outcome(false, "meter refused the " + what + ": " + result, clock.instant());
  }

  /** The times of a schedule's execution_time array; entries that are not daily times make it unreadable. */
  static MeterRequests.ScheduleHeld scheduleHeld(GetDataResult result) {
    if (result instanceof GetDataResult.Failure failure) {
      return new MeterRequests.ScheduleHeld(false, "meter refused the read: " + failure.result(), List.of());
    }
    if (!(((GetDataResult.Value) result).data() instanceof DlmsData.Array array)) {
      return new MeterRequests.ScheduleHeld(false, "execution_time is not an array", List.of());
    }
    List<LocalTime> times = new ArrayList<>();
    for (DlmsData entry : array.elements()) {
      if (!(entry instanceof DlmsData.Structure s) || s.elements().size() != 2
          || !(s.elements().get(0) instanceof DlmsData.OctetString time) || time.value().length != 4
          || time.value()[0] < 0 || time.value()[0] > 23 || time.value()[1] < 0 || time.value()[1] > 59) {
        return new MeterRequests.ScheduleHeld(false, "execution_time holds an entry that is not a daily time: " + entry,
            List.of());
      }
      times.add(LocalTime.of(time.value()[0], time.value()[1]));
    }
    return new MeterRequests.ScheduleHeld(true, "read", times);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
