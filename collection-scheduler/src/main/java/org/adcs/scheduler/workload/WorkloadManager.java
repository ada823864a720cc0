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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.workload.WorkloadLedger.Admission;
import org.adcs.scheduler.workload.WorkloadLedger.Start;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one workload manager for all meter traffic the scheduler causes (R-OD-4): reads, schedule
 * writes and schedule checks queue per priority and start within the budget's permits. Every
 * accepted request gets exactly one answer: the meter's, a failure when the port fails or the
 * timeout passes, or at once a refusal when its queue is full. A late answer after the timeout is
 * dropped (the permit is already given to someone else), so a meter that hangs cannot hold a permit
 * for ever.
 */
public final class WorkloadManager extends AbstractBehavior<WorkloadManager.Command> {

  public sealed interface Command {}

  /** A piece of meter traffic: what it asks of the port and how it is answered. */
  public sealed interface MeterWork extends Command {
    String meterId();

    ReadPriority priority();

    CompletionStage<?> callOn(MeterPort port);

    void answer(Object portAnswer);

    /** The answer when the meter was never reached ({@code refused}) or did not answer. */
    void answerWithoutMeter(String reason, boolean refused);
  }

  /** Read a meter's range; the answer goes to {@code replyTo}. */
  public record Read(ReadRequest request, ActorRef<ReadOutcome> replyTo) implements MeterWork {
    public String meterId() {
      return request.meterId();
    }

    public ReadPriority priority() {
      return request.priority();
    }

    public CompletionStage<?> callOn(MeterPort port) {
      return port.read(request);
    }

    public void answer(Object portAnswer) {
      replyTo.tell((ReadOutcome) portAnswer);
    }

    public void answerWithoutMeter(String reason, boolean refused) {
      replyTo.tell(refused ? new ReadOutcome.Rejected(meterId(), reason) : new ReadOutcome.Failed(meterId(), reason));
    }
  }

  /** Write a meter's default read time (R-SCH-2, R-SCH-4). */
  public record WriteDefaultSchedule(String meterId, LocalTime readTime, ReadPriority priority, ActorRef<ScheduleAck> replyTo)
      implements MeterWork {
    public CompletionStage<?> callOn(MeterPort port) {
      return port.setDefaultSchedule(meterId, readTime);
    }

    public void answer(Object portAnswer) {
      replyTo.tell((ScheduleAck) portAnswer);
    }

    public void answerWithoutMeter(String reason, boolean refused) {
      replyTo.tell(new ScheduleAck.NotAcknowledged(meterId, reason));
    }
  }

  /** Write a meter's non-default schedule again (R-SCH-5, R-MIS-3). */
  public record WriteNonDefaultSchedule(String meterId, NonDefaultSchedule schedule, ReadPriority priority, ActorRef<ScheduleAck> replyTo)
      implements MeterWork {
    public CompletionStage<?> callOn(MeterPort port) {
      return port.setNonDefaultSchedule(meterId, schedule);
    }

    public void answer(Object portAnswer) {
      replyTo.tell((ScheduleAck) portAnswer);
    }

    public void answerWithoutMeter(String reason, boolean refused) {
      replyTo.tell(new ScheduleAck.NotAcknowledged(meterId, reason));
    }
  }

  /**
   * Ask the meter whether a schedule is set in it (R-MIS-3). Without an answer the schedule counts as
   * not verified; {@code verified} is then false and the caller writes it again.
   */
  public record VerifySchedule(String meterId, String scheduleId, ReadPriority priority, ActorRef<ScheduleVerification> replyTo)
      implements MeterWork {
    public CompletionStage<?> callOn(MeterPort port) {
      return port.verifySchedule(meterId, scheduleId);
    }

    public void answer(Object portAnswer) {
      replyTo.tell((ScheduleVerification) portAnswer);
    }

    public void answerWithoutMeter(String reason, boolean refused) {
      replyTo.tell(new ScheduleVerification(meterId, scheduleId, false));
    }
  }

  public record GetStatus(ActorRef<WorkloadStatus> replyTo) implements Command {}

  private record Finished(long ticket, Object answer, Throwable error) implements Command {}

  private record TimedOut(long ticket) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(WorkloadManager.class);

  private final WorkloadBudget budget;
  private final MeterPort port;
  private final TimerScheduler<Command> timers;
  private final WorkloadLedger<Long> ledger;
  private final Map<Long, MeterWork> accepted = new HashMap<>();
  private final Map<Long, ReadPriority> running = new HashMap<>();
  private long nextTicket;

  public static Behavior<Command> create(WorkloadBudget budget, MeterPort port) {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(port, "port");
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
        .onMessage(MeterWork.class, this::admit)
        .onMessage(Finished.class, this::onFinished)
        .onMessage(TimedOut.class, this::onTimedOut)
        .onMessage(GetStatus.class, this::onGetStatus)
        .build();
  }

  private Behavior<Command> admit(MeterWork work) {
    long ticket = nextTicket++;
    if (ledger.offer(work.priority(), ticket) == Admission.REFUSED_QUEUE_FULL) {
      String reason = work.priority() + " queue full (" + budget.queueCapacity() + " waiting)";
      MeterLog.warn(log, work.meterId(), "meter request refused: {}", reason);
      work.answerWithoutMeter(reason, true);
      return this;
    }
    accepted.put(ticket, work);
    startWhatMay();
    return this;
  }

  private void startWhatMay() {
    for (Start<Long> start : ledger.startable()) {
      long ticket = start.request();
      running.put(ticket, start.priority());
      timers.startSingleTimer(ticket, new TimedOut(ticket), budget.requestTimeout());
      getContext().pipeToSelf(call(accepted.get(ticket)), (answer, error) -> new Finished(ticket, answer, error));
    }
  }

  private CompletionStage<?> call(MeterWork work) {
    try {
      return work.callOn(port);
    } catch (RuntimeException e) {
      // A port that throws instead of failing its stage must not stop the manager.
      return CompletableFuture.failedFuture(e);
    }
  }

  private Behavior<Command> onFinished(Finished finished) {
    MeterWork work = release(finished.ticket());
    if (work == null) {
      return this; // answered already by the timeout
    }
    timers.cancel(finished.ticket());
    if (finished.error() != null) {
      work.answerWithoutMeter("meter port failed: " + finished.error(), false);
    } else {
      work.answer(finished.answer());
    }
    startWhatMay();
    return this;
  }

  private Behavior<Command> onTimedOut(TimedOut timedOut) {
    MeterWork work = release(timedOut.ticket());
    if (work != null) {
      work.answerWithoutMeter("no answer within " + budget.requestTimeout(), false);
      startWhatMay();
    }
    return this;
  }

  private MeterWork release(long ticket) {
    ReadPriority priority = running.remove(ticket);
    if (priority == null) {
      return null;
    }
    ledger.finished(priority);
    return accepted.remove(ticket);
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
