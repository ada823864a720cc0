package org.adcs.headend.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Clock;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.SingleActionScheduleObject;
import org.adcs.protocol.session.ClientSession;

/**
 * A live meter connection as an actor: its meter entity, on whichever node, sends requests here and
 * they go out over this node's socket as DLMS. Lives as long as the connection.
 */
final class MeterSession {

  private MeterSession() {}

  /** The connection closed. */
  record Stop() implements MeterRequests.Request {}

  /** A request's outcome, on its way back to the entity that asked. */
  private record Done(MeterRequests.Outcome outcome, ActorRef<MeterRequests.Outcome> replyTo)
      implements MeterRequests.Request {}

  private record ReadDone(MeterRequests.ReadResult result, ActorRef<MeterRequests.ReadResult> replyTo)
      implements MeterRequests.Request {}

  static Behavior<MeterRequests.Request> create(ClientSession session, Clock clock, java.time.ZoneOffset standardTime) {
    return Behaviors.receive((context, request) -> {
      if (request instanceof MeterRequests.ReadNow read) {
        context.pipeToSelf(new OnDemandRead(session, clock, standardTime).run(), (result, error) -> new ReadDone(
            error == null ? result : MeterRequests.ReadResult.failed(rootMessage(error), clock.instant()), read.replyTo()));
        return Behaviors.same();
      }
      if (request instanceof ReadDone done) {
        done.replyTo().tell(done.result());
        return Behaviors.same();
      }
      if (request instanceof MeterRequests.WriteDailyReadTime write) {
        context.pipeToSelf(session.set(new CosemAttribute(SingleActionScheduleObject.CLASS_ID,
                ObisCode.PUSH_ACTION_SCHEDULE, 4), SingleActionScheduleObject.onceADayAt(write.time())),
            (result, error) -> new Done(error != null ? new MeterRequests.Outcome(false, error.toString(), clock.instant())
                : result == DataAccessResult.SUCCESS ? new MeterRequests.Outcome(true, "set", clock.instant())
                : new MeterRequests.Outcome(false, "meter refused the schedule: " + result, clock.instant()),
                write.replyTo()));
      } else if (request instanceof Done done) {
        done.replyTo().tell(done.outcome());
      } else if (request instanceof Stop) {
        return Behaviors.stopped();
      }
      return Behaviors.same();
    });
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
