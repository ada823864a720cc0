package org.adcs.scheduler.trouble;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Clock;
import java.util.Optional;
import org.adcs.scheduler.completeness.DaySet;

/**
 * The actor that owns the trouble reports and pickup requests (R-MIS-4, R-FLD-1): recovery runs tell
 * it each meter's complete days after recovery; operators ask it for the aging report and raise pickup
 * requests. One writer, so "unless one is already open" holds without locks.
 */
public final class TroubleDesk {

  public sealed interface Command {}

  /** A meter's complete days after recovery; opens a report if the policy calls for one. */
  public record Evaluate(String meterId, DaySet completeDays) implements Command {}

  public record GetAgingReport(ActorRef<AgingReport> replyTo) implements Command {}

  public record GetOpenReport(String meterId, ActorRef<Optional<TroubleReport>> replyTo) implements Command {}

  /** Raise a pickup request from the meter's open trouble report (R-FLD-1). */
  public record RaisePickupFromReport(String meterId, ActorRef<PickupAnswer> replyTo) implements Command {}

  /** An operator raises a pickup request (R-FLD-1). */
  public record RaisePickupByOperator(String meterId, String operator, String reason, ActorRef<PickupAnswer> replyTo) implements Command {}

  public record CloseReport(String meterId) implements Command {}

  /** The raised (or already open) pickup request, or why none could be raised. */
  public sealed interface PickupAnswer {
    record Raised(PickupRequest request) implements PickupAnswer {}

    record Refused(String reason) implements PickupAnswer {}
  }

  private TroubleDesk() {}

  /**
   * @param raisePickupOnOpen whether every new trouble report raises a pickup request at once, or only
   *     when someone asks
   */
  public static Behavior<Command> create(TroubleReportPolicy policy, boolean raisePickupOnOpen, Clock clock) {
    return Behaviors.setup(context -> {
      var pickups = new PickupRequestBook(clock);
      var book = new TroubleReportBook(policy, pickups, clock);
      return Behaviors.receive(Command.class)
          .onMessage(Evaluate.class, e -> {
            if (book.openIfNeeded(e.meterId(), e.completeDays()).isPresent() && raisePickupOnOpen) {
              book.raisePickupRequest(e.meterId());
            }
            return Behaviors.same();
          })
          .onMessage(GetAgingReport.class, g -> {
            g.replyTo().tell(book.agingReport());
            return Behaviors.same();
          })
          .onMessage(GetOpenReport.class, g -> {
            g.replyTo().tell(book.openReportOf(g.meterId()));
            return Behaviors.same();
          })
          .onMessage(RaisePickupFromReport.class, r -> {
            r.replyTo().tell(book.openReportOf(r.meterId()).isPresent()
                ? new PickupAnswer.Raised(book.raisePickupRequest(r.meterId()))
                : new PickupAnswer.Refused("meter " + r.meterId() + " has no open trouble report"));
            return Behaviors.same();
          })
          .onMessage(RaisePickupByOperator.class, r -> {
            PickupAnswer answer;
            try {
              answer = new PickupAnswer.Raised(pickups.raise(r.meterId(), new PickupOrigin.OperatorOrigin(r.operator()), r.reason()));
            } catch (IllegalArgumentException invalid) {
              answer = new PickupAnswer.Refused(invalid.getMessage());
            }
            r.replyTo().tell(answer);
            return Behaviors.same();
          })
          .onMessage(CloseReport.class, c -> {
            book.close(c.meterId());
            return Behaviors.same();
          })
          .build();
    });
  }
}
