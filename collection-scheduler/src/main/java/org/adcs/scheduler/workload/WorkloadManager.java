package org.adcs.scheduler.workload;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.workload.WorkloadLedger.Admission;
import org.adcs.scheduler.workload.WorkloadLedger.Start;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one workload manager for all meter traffic the scheduler causes (R-OD-4): reads and schedule
 * writes queue per priority and start within the budget's permits. Every accepted request gets exactly
 * one answer: the meter's, a failure when the port fails or the read timeout passes, or at once a
 * rejection when its queue is full. A late answer after the timeout is dropped (the permit is already
 * given to someone else), so a meter that hangs cannot hold a permit for ever.
 */
public final class WorkloadManager extends AbstractBehavior<WorkloadManager.Command> {

  public sealed interface Command {}

  /** Read a meter's range; the answer goes to {@code replyTo}. */
  public record Read(ReadRequest request, ActorRef<ReadOutcome> replyTo) implements Command {}

  /** Write a meter's default read time (R-SCH-2, R-SCH-4) as routine traffic. */
  public record WriteDefaultSchedule(String meterId, LocalTime readTime, ReadPriority priority, ActorRef<ScheduleAck> replyTo)
      implements Command {}

  public record GetStatus(ActorRef<WorkloadStatus> replyTo) implements Command {}

  private record Finished(long ticket, Object answer, Throwable error) implements Command {}

  private record TimedOut(long ticket) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(WorkloadManager.class);

  private final WorkloadBudget budget;
  private final MeterPort port;
  private final TimerScheduler<Command> timers;
  private final WorkloadLedger<Long> ledger;
  private final Map<Long, Command> waitingOrRunning = new HashMap<>();
  private final Map<Long, ReadPriority> running = new HashMap<>();
  private long nextTicket;

  public static Behavior<Command> create(WorkloadBudget budget, MeterPort port) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> new WorkloadManager(context, timers, budget, port)));
  }

  private WorkloadManager(ActorContext<Command> context, TimerScheduler<Command> timers, WorkloadBudget budget, MeterPort port) {
    super(context);
    this.budget = budget;
    this.port = port;
    this.timers = timers;
    this.ledger = new WorkloadLedger<>(budget);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Read.class, r -> admit(r.request().priority(), r.request().meterId(), r))
        .onMessage(WriteDefaultSchedule.class, w -> admit(w.priority(), w.meterId(), w))
        .onMessage(Finished.class, this::onFinished)
        .onMessage(TimedOut.class, this::onTimedOut)
        .onMessage(GetStatus.class, this::onGetStatus)
        .build();
  }

  private Behavior<Command> admit(ReadPriority priority, String meterId, Command request) {
    long ticket = nextTicket++;
    if (ledger.offer(priority, ticket) == Admission.REFUSED_QUEUE_FULL) {
      String reason = priority + " queue full (" + budget.queueCapacity() + " waiting)";
      MeterLog.warn(log, meterId, "meter request refused: {}", reason);
      answerWithoutMeter(request, reason, true);
      return this;
    }
    waitingOrRunning.put(ticket, request);
    startWhatMay();
    return this;
  }

  private void startWhatMay() {
    for (Start<Long> start : ledger.startable()) {
      long ticket = start.request();
      running.put(ticket, start.priority());
      timers.startSingleTimer(ticket, new TimedOut(ticket), budget.readTimeout());
      getContext().pipeToSelf(call(waitingOrRunning.get(ticket)), (answer, error) -> new Finished(ticket, answer, error));
    }
  }

  private CompletionStage<Object> call(Command request) {
    try {
      if (request instanceof Read r) {
        return port.read(r.request()).thenApply(Object.class::cast);
      }
      var write = (WriteDefaultSchedule) request;
      return port.setDefaultSchedule(write.meterId(), write.readTime()).thenApply(Object.class::cast);
    } catch (RuntimeException e) {
      // A port that throws instead of failing its stage must not stop the manager.
      return CompletableFuture.failedFuture(e);
    }
  }

  private Behavior<Command> onFinished(Finished finished) {
    Command request = release(finished.ticket());
    if (request == null) {
      return this; // answered already by the timeout
    }
    timers.cancel(finished.ticket());
    if (finished.error() != null) {
      answerWithoutMeter(request, "meter port failed: " + finished.error(), false);
    } else if (request instanceof Read r) {
      r.replyTo().tell((ReadOutcome) finished.answer());
    } else {
      ((WriteDefaultSchedule) request).replyTo().tell((ScheduleAck) finished.answer());
    }
    startWhatMay();
    return this;
  }

  private Behavior<Command> onTimedOut(TimedOut timedOut) {
    Command request = release(timedOut.ticket());
    if (request != null) {
      answerWithoutMeter(request, "no answer within " + budget.readTimeout(), false);
      startWhatMay();
    }
    return this;
  }

  private Command release(long ticket) {
    ReadPriority priority = running.remove(ticket);
    if (priority == null) {
      return null;
    }
    ledger.finished(priority);
    return waitingOrRunning.remove(ticket);
  }

  private void answerWithoutMeter(Command request, String reason, boolean refused) {
    if (request instanceof Read r) {
      String meterId = r.request().meterId();
      r.replyTo().tell(refused ? new ReadOutcome.Rejected(meterId, reason) : new ReadOutcome.Failed(meterId, reason));
    } else if (request instanceof WriteDefaultSchedule w) {
      w.replyTo().tell(new ScheduleAck.NotAcknowledged(w.meterId(), reason));
    }
  }

  private Behavior<Command> onGetStatus(GetStatus get) {
    Map<ReadPriority, Integer> inFlight = new EnumMap<>(ReadPriority.class);
    Map<ReadPriority, Integer> queued = new EnumMap<>(ReadPriority.class);
    Map<ReadPriority, Long> refused = new EnumMap<>(ReadPriority.class);
    for (ReadPriority p : ReadPriority.values()) {
      inFlight.put(p, ledger.inFlight(p));
      queued.put(p, ledger.queued(p));
      refused.put(p, ledger.refused(p));
    }
    get.replyTo().tell(new WorkloadStatus(inFlight, queued, refused));
    return this;
  }
}
