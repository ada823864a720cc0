package org.adcs.headend.api.data;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.adcs.headend.api.security.Role;
import org.adcs.headend.api.security.SecurityStore;
import org.adcs.mdm.mailbox.Extract;
import org.adcs.mdm.mailbox.ExtractStore;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.query.ReadingQueries;
import org.adcs.mdm.reading.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due extracts (R-DAT-2 a), on one node of the cluster (a cluster singleton, so an extract runs
 * once even with several nodes, and moves when its node leaves): every {@code extract-check}, and at
 * once when an extract is created. Extracts are read from the store each time, so they survive
 * restarts. Store calls that follow a store answer run on the blocking dispatcher, never on the
 * driver's I/O threads. A third party's extract covers the meters it is authorised for when it runs. A run that
 * fails on the store is tried again after {@link #RETRY}.
 */
public final class ExtractRunner {

  public sealed interface Command {}

  /** Look for due extracts now. */
  public record Check() implements Command {}

  private record Finished(int ran, Throwable failure) implements Command {}

  static final Duration RETRY = Duration.ofMinutes(5);
  private static final Logger log = LoggerFactory.getLogger(ExtractRunner.class);

  private final ExtractStore extracts;
  private final SecurityStore principals;
  private final ReadingDispatch dispatch;
  private final Executor blocking;
  private final Clock clock;
  private final LocalTime runAt;

  ExtractRunner(ExtractStore extracts, SecurityStore principals, ReadingDispatch dispatch, Executor blocking,
      Clock clock, LocalTime runAt) {
    this.extracts = extracts;
    this.principals = principals;
    this.dispatch = dispatch;
    this.blocking = blocking;
    this.clock = clock;
    this.runAt = runAt;
  }

  /** The singleton's proxy on this node. */
  ActorRef<Command> start(ActorSystem<?> system, Duration every) {
    Behavior<Command> behavior = Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Check(), every);
      return idle();
    });
    return ClusterSingleton.get(system).init(SingletonActor.of(Behaviors.supervise(behavior)
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.2)),
        "data-extracts"));
  }

  private Behavior<Command> idle() {
    return Behaviors.receive(Command.class)
        .onMessage(Check.class, c -> running(false))
        .onMessage(Finished.class, f -> Behaviors.same())
        .build();
  }

  /** One pass at a time; a check asked for during a pass starts another after it. */
  private Behavior<Command> running(boolean again) {
    return Behaviors.setup(ctx -> {
      if (!again) {
        ctx.pipeToSelf(runDue(), (ran, failure) -> new Finished(ran == null ? 0 : ran, failure));
      }
      return Behaviors.receive(Command.class)
          .onMessage(Check.class, c -> runningAgainLater())
          .onMessage(Finished.class, f -> {
            report(f);
            return idle();
          })
          .build();
    });
  }

  private Behavior<Command> runningAgainLater() {
    return Behaviors.receive(Command.class)
        .onMessage(Check.class, c -> Behaviors.same())
        .onMessage(Finished.class, f -> {
          report(f);
          return running(false);
        })
        .build();
  }

  private static void report(Finished f) {
    if (f.failure() != null) {
      log.warn("extracts: the pass failed and is tried again at the next check: {}", f.failure().toString());
    } else if (f.ran() > 0) {
      log.info("extracts: {} ran", f.ran());
    }
  }

  /** Runs every due extract, one after the other; the count that ran. */
  CompletionStage<Integer> runDue() {
    Instant now = clock.instant();
    return extracts.all().thenCompose(all -> {
      List<Extract> due = new ArrayList<>(all.stream()
          .filter(e -> e.nextRun().map(t -> !t.isAfter(now)).orElse(false)).toList());
      due.sort(Comparator.comparing(e -> e.nextRun().orElseThrow()));
      CompletionStage<Integer> chain = CompletableFuture.completedFuture(0);
      for (Extract e : due) {
        chain = chain.thenComposeAsync(count -> run(e).thenApply(done -> count + 1), blocking);
      }
      return chain;
    });
  }

  private CompletionStage<Extract> run(Extract extract) {
    Instant started = clock.instant();
    ZoneId zone = ZoneId.of(extract.zone());
    return CompletableFuture.supplyAsync(() -> meters(extract), blocking).thenCompose(meters -> {
      if (meters.isEmpty()) {
        return CompletableFuture.completedFuture(new Outcome(Optional.empty(), Optional.of(
            "no meters to extract: " + extract.party() + " is unknown, disabled or authorised for none of them"),
            next(extract, started, zone)));
      }
      ReadingRequest request = new ReadingRequest(meters, period(extract, started, zone),
          ReadingQueries.Kind.valueOf(extract.kind().toUpperCase(Locale.ROOT)), channels(extract),
          ReadingFormat.ofWire(extract.format()).orElse(ReadingFormat.CSV));
      String description = "extract " + extract.id() + " " + extract.schedule().name().toLowerCase(Locale.ROOT) + " "
          + extract.kind() + " " + request.period().from() + ".." + request.period().to() + " " + extract.zone() + ", "
          + meters.size() + " meters";
      return dispatch.toMailbox(extract.party(), "extract", description, request)
          .thenApply(file -> new Outcome(Optional.of(file), Optional.empty(), next(extract, started, zone)));
    }).exceptionally(failure -> new Outcome(Optional.empty(), Optional.of("the run failed and is tried again: "
        + rootMessage(failure)), Optional.of(started.plus(RETRY))))
        .thenComposeAsync(outcome -> extracts.find(extract.id()).thenComposeAsync(stillThere -> {
          Extract after = extract.ran(started, outcome.file().map(MailboxFile::id), outcome.error(), outcome.next());
          outcome.file().ifPresent(f -> log.info("extract {} for {}: {} bytes to mailbox file {}", extract.id(),
              extract.party(), f.size(), f.id()));
          outcome.error().ifPresent(e -> log.warn("extract {} for {}: {}", extract.id(), extract.party(), e));
          // Deleted while it ran: it stays deleted.
          return stillThere.isPresent() ? extracts.save(after) : CompletableFuture.completedFuture(after);
        }, blocking), blocking);
  }

  private record Outcome(Optional<MailboxFile> file, Optional<String> error, Optional<Instant> next) {}

  private List<String> meters(Extract extract) {
    var principal = principals.principal(extract.party());
    if (principal.isEmpty() || principal.get().disabled()) {
      return List.of();
    }
    if (principal.get().role() != Role.THIRD_PARTY) {
      return extract.meters();
    }
    var authorised = principals.meters(extract.party());
    return extract.meters().isEmpty() ? List.copyOf(authorised)
        : extract.meters().stream().filter(authorised::contains).toList();
  }

  private static List<Channel> channels(Extract extract) {
    return extract.channels().isEmpty() ? ReadingRequest.CHANNELS
        : ReadingRequest.channels(extract.channels());
  }

  /** A one-off extract's period; a periodic one's last complete day or week before the run. */
  static ReadingPeriod period(Extract extract, Instant runAt, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(runAt, zone);
    return switch (extract.schedule()) {
      case ONCE -> new ReadingPeriod(extract.from().orElseThrow(), extract.to().orElseThrow(), zone);
      case DAILY -> new ReadingPeriod(today.minusDays(1), today, zone);
      case WEEKLY -> new ReadingPeriod(today.minusDays(7), today, zone);
    };
  }

  /** None after a one-off extract; the next run time of day (daily) or that plus six days (weekly). */
  Optional<Instant> next(Extract extract, Instant after, ZoneId zone) {
    return nextRun(extract.schedule(), after, zone, runAt);
  }

  static Optional<Instant> nextRun(Extract.Schedule schedule, Instant after, ZoneId zone, LocalTime runAt) {
    if (schedule == Extract.Schedule.ONCE) {
      return Optional.empty();
    }
    ZonedDateTime next = LocalDate.ofInstant(after, zone).atTime(runAt).atZone(zone);
    if (!next.toInstant().isAfter(after)) {
      next = next.plusDays(1);
    }
    return Optional.of((schedule == Extract.Schedule.WEEKLY ? next.plusDays(6) : next).toInstant());
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

}
