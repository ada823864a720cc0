package org.adcs.scheduler.massread;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.adcs.scheduler.SchedulerSerializable;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.workload.WorkloadManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' mass reads (R-OD-3), one desk in the cluster (a singleton), so any node answers
 * for any job: starts each job as a child that reads through the workload manager (whose budget all
 * meter traffic shares, R-OD-4), answers for its progress, lists and cancels jobs, and keeps the
 * final progress of the last {@code keepFinished} ended jobs. Holds job ids and progress records,
 * never per-meter state.
 *
 * <p>Jobs live as long as the desk: when the desk's node leaves, the running jobs stop with it and
 * the operator starts them again (a mass read of missing data reads only what is still missing).
 */
public final class MassReadDesk extends AbstractBehavior<MassReadDesk.Command> {

  public sealed interface Command extends SchedulerSerializable {}

  public record Start(MassReadTarget target, Optional<Integer> concurrency, ActorRef<StartAnswer> replyTo) implements Command {}

  public record Get(String jobId, ActorRef<JobAnswer> replyTo) implements Command {}

  /** A job's progress, empty when the desk knows no such job. */
  public record JobAnswer(Optional<MassReadProgress> progress) implements SchedulerSerializable {}

  public record ListJobs(ActorRef<Jobs> replyTo) implements Command {}

  /** Running jobs first, then the ended ones kept, the most recent first. */
  public record Jobs(List<MassReadProgress> jobs) implements SchedulerSerializable {}

  public record Cancel(String jobId, ActorRef<CancelAnswer> replyTo) implements Command {}

  public sealed interface StartAnswer extends SchedulerSerializable {}

  public record Started(String jobId) implements StartAnswer {}

  /** The target or concurrency cannot be read. */
  public record Refused(String reason) implements StartAnswer {}

  /** As many jobs run as may: try again when one ended. */
  public record Busy(String reason) implements StartAnswer {}

  public sealed interface CancelAnswer extends SchedulerSerializable {}

  public record Cancelling(MassReadProgress progress) implements CancelAnswer {}

  public record AlreadyEnded(MassReadProgress progress) implements CancelAnswer {}

  public record UnknownJob(String jobId) implements CancelAnswer {}

  private record JobEnded(MassReadProgress progress) implements Command {}

  /** What the ledger held when this desk started: jobs to start again, the ended ones to answer for. */
  private record Recovered(MassReadLedger.Holdings holdings, Throwable error) implements Command {}

  /** The ledger recorded (or failed to record) a job the operator asked for. */
  private record Recorded(MassReadLedger.AcceptedJob job, Behavior<MassReadJob.Command> behavior, Throwable error,
      ActorRef<StartAnswer> replyTo) implements Command {}

  private record JobStopped(String jobId) implements Command {}

  private record RunningProgress(String jobId, MassReadProgress progress, Throwable error, ActorRef<JobAnswer> replyTo)
      implements Command {}

  private record Cancelled(String jobId, MassReadProgress progress, Throwable error, ActorRef<CancelAnswer> replyTo) implements Command {}

  private record Listed(List<MassReadProgress> running, ActorRef<Jobs> replyTo) implements Command {}

  private static final Logger log = LoggerFactory.getLogger(MassReadDesk.class);
  private static final Duration ASK = Duration.ofSeconds(5);

  private final MassReadSettings settings;
  private final IntervalGrid grid;
  private final MassReadJob.Sources sources;
  private final ActorRef<WorkloadManager.Command> workload;
  private final Clock clock;
  private final ActorRef<MassReadProgress> ended;
  private final MassReadLedger ledger;
  private final Map<String, ActorRef<MassReadJob.Command>> running = new LinkedHashMap<>();
  /** Jobs being recorded in the ledger: they count against the running limit already. */
  private int recording;
  /** Ended jobs' last progress, oldest first. */
  private final LinkedHashMap<String, MassReadProgress> finished = new LinkedHashMap<>();

  public static Behavior<Command> create(MassReadSettings settings, IntervalGrid grid, MassReadJob.Sources sources,
      ActorRef<WorkloadManager.Command> workload, Clock clock, MassReadLedger ledger) {
    return Behaviors.setup(context -> new MassReadDesk(context, settings, grid, sources, workload, clock, ledger));
  }

  private MassReadDesk(ActorContext<Command> context, MassReadSettings settings, IntervalGrid grid, MassReadJob.Sources sources,
      ActorRef<WorkloadManager.Command> workload, Clock clock, MassReadLedger ledger) {
    super(context);
    this.ledger = ledger;
    this.settings = settings;
    this.grid = grid;
    this.sources = sources;
    this.workload = workload;
    this.clock = clock;
    this.ended = context.messageAdapter(MassReadProgress.class, JobEnded::new);
    context.pipeToSelf(ledger.holdings(settings.keepFinished()), Recovered::new);
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Start.class, this::onStart)
        .onMessage(Get.class, this::onGet)
        .onMessage(ListJobs.class, this::onList)
        .onMessage(Cancel.class, this::onCancel)
        .onMessage(JobEnded.class, this::onJobEnded)
        .onMessage(JobStopped.class, this::onJobStopped)
        .onMessage(RunningProgress.class, this::onRunningProgress)
        .onMessage(Cancelled.class, this::onCancelled)
        .onMessage(Listed.class, this::onListed)
        .onMessage(Recovered.class, this::onRecovered)
        .onMessage(Recorded.class, this::onRecorded)
        .build();
  }

  private Behavior<Command> onStart(Start start) {
    if (running.size() + recording >= settings.maxRunning()) {
      start.replyTo().tell(new Busy(running.size() + recording + " mass reads are running, at most " + settings.maxRunning()
          + " at once: wait for one to end or cancel one"));
      return this;
    }
    int concurrency = start.concurrency().orElse(settings.defaultConcurrency());
    String jobId = UUID.randomUUID().toString();
    Behavior<MassReadJob.Command> job;
    try {
      job = MassReadJob.create(jobId, start.target(), concurrency, grid, sources, workload, clock, ended);
    } catch (IllegalArgumentException e) {
      start.replyTo().tell(new Refused(e.getMessage()));
      return this;
    }
    // Recorded before the operator hears it started: an accepted mass read survives the desk.
    var accepted = new MassReadLedger.AcceptedJob(jobId, start.target(), concurrency, clock.instant());
    recording++;
    getContext().pipeToSelf(ledger.accepted(accepted), (done, error) -> new Recorded(accepted, job, error, start.replyTo()));
    return this;
  }

  private Behavior<Command> onRecorded(Recorded recorded) {
    recording--;
    if (recorded.error() != null) {
      log.warn("mass read not started: the ledger did not record it ({})", recorded.error().toString());
      recorded.replyTo().tell(new Busy("the mass read could not be recorded (" + recorded.error().getMessage()
          + "); nothing was started, try again"));
      return this;
    }
    spawn(recorded.job().jobId(), recorded.behavior());
    recorded.replyTo().tell(new Started(recorded.job().jobId()));
    return this;
  }

  private void spawn(String jobId, Behavior<MassReadJob.Command> job) {
    ActorRef<MassReadJob.Command> child = getContext().spawn(job, "mass-read-" + jobId);
    getContext().watchWith(child, new JobStopped(jobId));
    running.put(jobId, child);
  }

  /** Jobs the previous desk accepted and did not end start again; ended ones are answered for. */
  private Behavior<Command> onRecovered(Recovered recovered) {
    if (recovered.error() != null) {
      log.error("operator: the mass reads accepted before this desk started could not be read from the ledger ({});"
          + " they are not resumed: check the store and start them again", recovered.error().toString());
      return this;
    }
    List<MassReadProgress> endedJobs = new ArrayList<>(recovered.holdings().ended());
    Collections.reverse(endedJobs); // oldest first, as onJobEnded keeps them
    for (MassReadProgress last : endedJobs) {
      if (!running.containsKey(last.jobId())) {
        finished.put(last.jobId(), last);
      }
    }
    for (MassReadLedger.AcceptedJob job : recovered.holdings().unfinished()) {
      if (running.containsKey(job.jobId()) || finished.containsKey(job.jobId())) {
        continue;
      }
      try {
        spawn(job.jobId(), MassReadJob.create(job.jobId(), job.target(), job.concurrency(), grid, sources, workload, clock,
            ended));
        log.info("mass read {} accepted at {} resumed on this desk", job.jobId(), job.acceptedAt());
      } catch (IllegalArgumentException e) {
        log.error("operator: mass read {} accepted at {} cannot be resumed ({})", job.jobId(), job.acceptedAt(),
            e.getMessage());
      }
    }
    return this;
  }

  private Behavior<Command> onGet(Get get) {
    ActorRef<MassReadJob.Command> job = running.get(get.jobId());
    if (job == null) {
      get.replyTo().tell(new JobAnswer(Optional.ofNullable(finished.get(get.jobId()))));
      return this;
    }
    getContext().ask(MassReadProgress.class, job, ASK, MassReadJob.GetProgress::new,
        (progress, error) -> new RunningProgress(get.jobId(), progress, error, get.replyTo()));
    return this;
  }

  private Behavior<Command> onRunningProgress(RunningProgress answer) {
    if (answer.error() == null) {
      answer.replyTo().tell(new JobAnswer(Optional.of(answer.progress())));
    } else {
      // The job ended while it was asked: its last word is in the finished jobs, or it is gone.
      answer.replyTo().tell(new JobAnswer(Optional.ofNullable(finished.get(answer.jobId()))));
    }
    return this;
  }

  private Behavior<Command> onList(ListJobs list) {
    var scheduler = getContext().getSystem().scheduler();
    List<CompletableFuture<MassReadProgress>> asks = new ArrayList<>();
    for (ActorRef<MassReadJob.Command> job : running.values()) {
      asks.add(AskPattern.<MassReadJob.Command, MassReadProgress>ask(job, MassReadJob.GetProgress::new, ASK, scheduler)
          .toCompletableFuture().exceptionally(error -> null));
    }
    getContext().pipeToSelf(CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)), (ok, error) ->
        new Listed(asks.stream().map(CompletableFuture::join).filter(p -> p != null).toList(), list.replyTo()));
    return this;
  }

  private Behavior<Command> onListed(Listed listed) {
    List<MassReadProgress> jobs = new ArrayList<>();
    listed.running().stream().filter(p -> !finished.containsKey(p.jobId())).forEach(jobs::add);
    List<MassReadProgress> ended = new ArrayList<>(finished.values());
    Collections.reverse(ended);
    jobs.addAll(ended);
    listed.replyTo().tell(new Jobs(List.copyOf(jobs)));
    return this;
  }

  private Behavior<Command> onCancel(Cancel cancel) {
    ActorRef<MassReadJob.Command> job = running.get(cancel.jobId());
    if (job == null) {
      MassReadProgress last = finished.get(cancel.jobId());
      cancel.replyTo().tell(last != null ? new AlreadyEnded(last) : new UnknownJob(cancel.jobId()));
      return this;
    }
    getContext().ask(MassReadProgress.class, job, ASK, MassReadJob.Cancel::new,
        (progress, error) -> new Cancelled(cancel.jobId(), progress, error, cancel.replyTo()));
    return this;
  }

  private Behavior<Command> onCancelled(Cancelled answer) {
    if (answer.error() == null) {
      answer.replyTo().tell(new Cancelling(answer.progress()));
    } else {
      MassReadProgress last = finished.get(answer.jobId());
      answer.replyTo().tell(last != null ? new AlreadyEnded(last) : new UnknownJob(answer.jobId()));
    }
    return this;
  }

  private Behavior<Command> onJobEnded(JobEnded ended) {
    MassReadProgress last = ended.progress();
    running.remove(last.jobId());
    finished.remove(last.jobId());
    finished.put(last.jobId(), last);
    while (finished.size() > settings.keepFinished()) {
      finished.remove(finished.keySet().iterator().next());
    }
    log.info("mass read {} {}: {} done, {} failed of {}", last.jobId(), last.state(), last.done(), last.failed(), last.found());
    ledger.ended(last).whenComplete((done, error) -> {
      if (error != null) {
        log.warn("mass read {} ended but the ledger did not record it ({}); the next desk reads it again", last.jobId(),
            error.toString());
      }
    });
    return this;
  }

  /** A job that stopped without its final word (it failed) frees its place. */
  private Behavior<Command> onJobStopped(JobStopped stopped) {
    if (running.remove(stopped.jobId()) != null && !finished.containsKey(stopped.jobId())) {
      log.error("mass read {} stopped without finishing; its progress is lost", stopped.jobId());
    }
    return this;
  }
}
