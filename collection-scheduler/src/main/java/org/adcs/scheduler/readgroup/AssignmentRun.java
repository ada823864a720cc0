package org.adcs.scheduler.readgroup;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.scheduler.MeterLog;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nightly assignment (R-SCH-1, R-SCH-2, R-SCH-3): every meter of the unscheduled group is placed
 * in the least loaded read group and its default read time is written to it through the workload
 * manager as routine traffic. A meter that does not acknowledge is written again after a delay, up to
 * the configured attempts, and then listed in the report and its place given back. Holds the group
 * sizes (one int per group), a page of meters and the meters with a write outstanding.
 */
public final class AssignmentRun extends AbstractBehavior<AssignmentRun.Command> {

  public sealed interface Command {}

  private record SizesArrived(int[] sizes, Throwable error) implements Command {}

  private record PageArrived(Page<String> page, Throwable error) implements Command {}

  private record Acked(ScheduleAck ack) implements Command {}

  private record WriteAgain(String meterId) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(AssignmentRun.class);

  private record Pending(int group, int attempts) {}

  private final CollectionWindow window;
  private final AssignmentSettings settings;
  private final ReadGroupReadSide readSide;
  private final ActorRef<WorkloadManager.Command> workload;
  private final Clock clock;
  private final TimerScheduler<Command> timers;
  private final ActorRef<AssignmentReport> replyTo;
  private final ActorRef<ScheduleAck> ackAdapter;
  private final Instant started;
  private final ArrayDeque<String> waiting = new ArrayDeque<>();
  private final Map<String, Pending> pending = new HashMap<>();
  private final List<String> notAcknowledgedMeters = new ArrayList<>();
  private final int[] assignedPerGroup;
  private ReadGroupLoads loads;
  private Optional<String> cursor = Optional.empty();
  private boolean fetching;
  private boolean scanDone;
  private long acknowledged;
  private long notAcknowledged;

  public static Behavior<Command> create(CollectionWindow window, AssignmentSettings settings, ReadGroupReadSide readSide,
      ActorRef<WorkloadManager.Command> workload, Clock clock, ActorRef<AssignmentReport> replyTo) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new AssignmentRun(context, timers, window, settings, readSide, workload, clock, replyTo)));
  }

  private AssignmentRun(ActorContext<Command> context, TimerScheduler<Command> timers, CollectionWindow window,
      AssignmentSettings settings, ReadGroupReadSide readSide, ActorRef<WorkloadManager.Command> workload, Clock clock,
      ActorRef<AssignmentReport> replyTo) {
    super(context);
    this.window = window;
    this.settings = settings;
    this.readSide = readSide;
    this.workload = workload;
    this.clock = clock;
    this.timers = timers;
    this.replyTo = replyTo;
    this.started = clock.instant();
    this.assignedPerGroup = new int[window.groupCount()];
    this.ackAdapter = context.messageAdapter(ScheduleAck.class, Acked::new);
    context.pipeToSelf(readSide.groupSizes(window.groupCount()), SizesArrived::new);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(SizesArrived.class, this::onSizes)
        .onMessage(PageArrived.class, this::onPage)
        .onMessage(Acked.class, this::onAck)
        .onMessage(WriteAgain.class, w -> {
          write(w.meterId());
          return this;
        })
        .build();
  }

  private Behavior<Command> onSizes(SizesArrived arrived) {
    if (arrived.error() != null) {
      log.error("read group sizes unavailable; nightly assignment not run", arrived.error());
      return finish();
    }
    if (arrived.sizes().length != window.groupCount()) {
      log.error("read side has {} read groups, the window {}; nightly assignment not run", arrived.sizes().length, window.groupCount());
      return finish();
    }
    loads = new ReadGroupLoads(arrived.sizes());
    log.info("nightly assignment started; read groups hold {} meters, spread {}", loads.total(), loads.spread());
    fetchNextPage();
    return this;
  }

  private void fetchNextPage() {
    if (fetching || scanDone || waiting.size() >= settings.pageSize()) {
      return;
    }
    fetching = true;
    getContext().pipeToSelf(readSide.unscheduledMeters(new PageRequest(cursor, settings.pageSize())), PageArrived::new);
  }

  private Behavior<Command> onPage(PageArrived arrived) {
    fetching = false;
    if (arrived.error() != null) {
      // The meters left unscheduled stay in the unscheduled group for tomorrow's run (R-SCH-1).
      log.error("unscheduled meters unavailable; the rest waits for the next run", arrived.error());
      scanDone = true;
      return maybeFinish();
    }
    waiting.addAll(arrived.page().rows());
    cursor = arrived.page().continueAfter();
    scanDone = arrived.page().isLast();
    startWrites();
    fetchNextPage();
    return maybeFinish();
  }

  private void startWrites() {
    while (!waiting.isEmpty() && pending.size() < settings.maxInFlight()) {
      String meterId = waiting.poll();
      if (pending.containsKey(meterId)) {
        continue; // listed twice by the read side: already being written
      }
      pending.put(meterId, new Pending(loads.assignLeastLoaded(), 0));
      write(meterId);
    }
  }

  private void write(String meterId) {
    Pending p = pending.get(meterId);
    pending.put(meterId, new Pending(p.group(), p.attempts() + 1));
    var readTime = window.readTimeFor(p.group(), meterId);
    workload.tell(new WorkloadManager.WriteDefaultSchedule(meterId, readTime, ReadPriority.ROUTINE, ackAdapter));
  }

  private Behavior<Command> onAck(Acked acked) {
    String meterId = acked.ack().meterId();
    Pending p = pending.get(meterId);
    if (p == null) {
      return this;
    }
    if (acked.ack() instanceof ScheduleAck.Acknowledged) {
      pending.remove(meterId);
      acknowledged++;
      assignedPerGroup[p.group()]++;
      MeterLog.info(log, meterId, "default schedule acknowledged in read group {}", p.group());
    } else if (p.attempts() < settings.maxAttempts()) {
      MeterLog.warn(log, meterId, "default schedule not acknowledged (attempt {}): {}", p.attempts(), acked.ack());
      timers.startSingleTimer(meterId, new WriteAgain(meterId), settings.retryDelay());
      return this;
    } else {
      pending.remove(meterId);
      loads.release(p.group());
      notAcknowledged++;
      if (notAcknowledgedMeters.size() < settings.maxListed()) {
        notAcknowledgedMeters.add(meterId);
      }
      MeterLog.warn(log, meterId, "default schedule not acknowledged after {} attempts; the meter stays unscheduled", p.attempts());
    }
    startWrites();
    fetchNextPage();
    return maybeFinish();
  }

  private Behavior<Command> maybeFinish() {
    if (!scanDone || fetching || !waiting.isEmpty() || !pending.isEmpty()) {
      return this;
    }
    return finish();
  }

  private Behavior<Command> finish() {
    int[] after = loads == null ? new int[window.groupCount()] : loads.sizes();
    var report = new AssignmentReport(started, clock.instant(), acknowledged, notAcknowledged, notAcknowledgedMeters, assignedPerGroup, after);
    log.info("nightly assignment finished: {} acknowledged, {} not acknowledged", acknowledged, notAcknowledged);
    replyTo.tell(report);
    return Behaviors.stopped();
  }
}
