package org.adcs.mdm.routing;

import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers one subscription's outbox in order of receipt, a batch of pending events per request:
 * a failed request is retried with back-off before anything later is sent, so the subscriber sees
 * events in order, and only this subscription waits. The cursor (everything before it delivered) is stored after each
 * delivery, so a restart resumes where it stopped; an event delivered just before a crash may be
 * sent again (at least once), under the same Idempotency-Key.
 */
public final class WebhookDeliverer extends AbstractBehavior<WebhookDeliverer.Command> {

  public sealed interface Command permits Wake, Queued, LoadCursor, CursorLoaded, BatchLoaded, Sent, SendFailed, RetryDue,
      StoreFailed, Recorded {}

  /** New entries may be waiting (from the poll timer or a retry). */
  public record Wake() implements Command {}

  /**
   * The router queued an entry at {@code position}. Projection slices post concurrently, so an entry
   * can land just behind the cursor (an earlier receipt time, written a moment later): the deliverer
   * then reads again from there, skipping what is delivered (R-EV-2: every event reaches its subscriber).
   */
  public record Queued(OutboxEntry.Position position) implements Command {}

  record LoadCursor() implements Command {}

  record RetryDue() implements Command {}

  record CursorLoaded(Optional<OutboxEntry.Position> cursor) implements Command {}

  record BatchLoaded(LocalDate day, List<OutboxEntry> entries) implements Command {}

  record Sent(List<OutboxEntry> entries) implements Command {}

  record SendFailed(List<OutboxEntry> entries, String reason) implements Command {}

  record StoreFailed(String reason) implements Command {}

  /** A sent batch is marked delivered and the cursor stored. */
  record Recorded() implements Command {}

  private static final Object POLL = "poll";

  private final Subscription subscription;
  private final OutboxStore outbox;
  private final WebhookClient client;
  private final DeliverySettings settings;
  private final Clock clock;
  private final TimerScheduler<Command> timers;

  private Optional<OutboxEntry.Position> cursor = Optional.empty();
  private Optional<OutboxEntry.Position> rewind = Optional.empty();
  /**
   * The earliest entry queued while a read (or the sending of what it found) was under way: that read
   * may have run before the entry was written, and the cursor may then move past it on later entries
   * another slice wrote earlier; it is checked against the cursor each time the cursor moves.
   */
  private Optional<OutboxEntry.Position> queuedDuringRead = Optional.empty();
  private LocalDate scanDay;
  private final Deque<OutboxEntry> batch = new ArrayDeque<>();
  private boolean started;
  private boolean busy;
  private boolean wokenWhileBusy;
  private boolean backingOff;
  private int attempts;

  public static Behavior<Command> create(Subscription subscription, OutboxStore outbox, WebhookClient client,
      DeliverySettings settings, Clock clock) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new WebhookDeliverer(context, timers, subscription, outbox, client, settings, clock)));
  }

  private WebhookDeliverer(ActorContext<Command> context, TimerScheduler<Command> timers, Subscription subscription,
      OutboxStore outbox, WebhookClient client, DeliverySettings settings, Clock clock) {
    super(context);
    this.timers = timers;
    this.subscription = subscription;
    this.outbox = outbox;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.scanDay = LocalDate.ofInstant(subscription.createdAt(), ZoneOffset.UTC);
    context.getSelf().tell(new LoadCursor());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(LoadCursor.class, l -> onLoadCursor())
        .onMessage(CursorLoaded.class, this::onCursorLoaded)
        .onMessage(RetryDue.class, r -> {
          backingOff = false;
          return onWake();
        })
        .onMessage(Wake.class, w -> onWake())
        .onMessage(Queued.class, this::onQueued)
        .onMessage(BatchLoaded.class, this::onBatch)
        .onMessage(Sent.class, this::onSent)
        .onMessage(SendFailed.class, this::onSendFailed)
        .onMessage(StoreFailed.class, this::onStoreFailed)
        .onMessage(Recorded.class, r -> {
          busy = false;
          return onWake();
        })
        .build();
  }

  private Behavior<Command> onLoadCursor() {
    busy = true;
    getContext().pipeToSelf(outbox.cursor(subscription.id()),
        (c, e) -> e == null ? new CursorLoaded(c) : new StoreFailed(e.toString()));
    return this;
  }

  private Behavior<Command> onQueued(Queued queued) {
    OutboxEntry.Position at = queued.position();
    if (behindReads(at)) {
      rewindTo(at);
    } else if (busy || !batch.isEmpty()) {
      queuedDuringRead = Optional.of(queuedDuringRead.filter(q -> !after(q, at)).orElse(at));
    }
    return onWake();
  }

  private void rewindTo(OutboxEntry.Position at) {
    if (rewind.map(r -> after(r, at)).orElse(true)) {
      rewind = Optional.of(at);
    }
  }

  /**
   * Whether reads from here on would pass over {@code at}: it is not after the cursor, or it is in a
   * day before the one being read (the cursor stays in the last day that had an entry while reads
   * move on, so an entry received days before it is written can be after the cursor and still behind).
   */
  private boolean behindReads(OutboxEntry.Position at) {
    return cursor.isPresent() && !after(at, cursor.get()) || at.day().isBefore(scanDay);
  }

  /** After the cursor moved: an entry queued during the read that it has now passed is read again. */
  private void checkQueuedDuringRead() {
    queuedDuringRead.ifPresent(q -> {
      if (behindReads(q)) {
        rewindTo(q);
        queuedDuringRead = Optional.empty();
      }
    });
  }

  private Behavior<Command> onCursorLoaded(CursorLoaded loaded) {
    // Look a little behind the stored cursor: entries a lagging projection slice queued there while
    // this deliverer was running were never sent; delivered ones are skipped.
    cursor = loaded.cursor().map(c -> justBefore(c.receivedAt().minus(settings.restartLookback())));
    cursor.ifPresent(c -> scanDay = c.day());
    started = true;
    busy = false;
    return onWake();
  }

  private Behavior<Command> onWake() {
    if (!started || busy || backingOff) {
      wokenWhileBusy = true; // a retry waits out its back-off even when new events arrive
      return this;
    }
    if (!batch.isEmpty()) {
      sendHead();
      return this;
    }
    busy = true;
    wokenWhileBusy = false;
    rewind.ifPresent(r -> {
      cursor = Optional.of(justBefore(r.receivedAt()));
      scanDay = r.day();
    });
    rewind = Optional.empty();
    // This read runs after every entry queued so far was written: it, or a read after it, finds them.
    queuedDuringRead = Optional.empty();
    LocalDate day = scanDay;
    getContext().pipeToSelf(outbox.next(subscription.id(), day, cursor, settings.batchSize()),
        (entries, e) -> e == null ? new BatchLoaded(day, entries) : new StoreFailed(e.toString()));
    return this;
  }

  private Behavior<Command> onBatch(BatchLoaded loaded) {
    busy = false;
    for (OutboxEntry entry : loaded.entries()) {
      if (entry.delivered()) {
        cursor = Optional.of(entry.position()); // delivered before a restart: skip it
      } else {
        batch.add(entry);
      }
    }
    checkQueuedDuringRead();
    if (!batch.isEmpty()) {
      sendHead();
    } else if (loaded.entries().size() == settings.batchSize()) {
      getContext().getSelf().tell(new Wake()); // a full page of delivered entries: read on
    } else if (scanDay.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      scanDay = scanDay.plusDays(1); // this day is done; events arrive in later days' partitions
      getContext().getSelf().tell(new Wake());
    } else if (wokenWhileBusy) {
      getContext().getSelf().tell(new Wake());
    } else {
      timers.startSingleTimer(POLL, new Wake(), settings.pollInterval());
    }
    return this;
  }

  private void sendHead() {
    busy = true;
    List<OutboxEntry> pending = List.copyOf(batch);
    attempts++;
    getContext().pipeToSelf(client.post(subscription, pending),
        (ok, e) -> e == null ? new Sent(pending) : new SendFailed(pending, rootMessage(e)));
  }

  private Behavior<Command> onSent(Sent sent) {
    batch.clear();
    int tries = attempts;
    attempts = 0;
    OutboxEntry last = sent.entries().get(sent.entries().size() - 1);
    cursor = Optional.of(last.position());
    scanDay = last.day();
    checkQueuedDuringRead();
    // The delivered marks are in place before anything reads past them again (a rewind skips them).
    CompletableFuture<?>[] marks = sent.entries().stream()
        .map(entry -> outbox.markDelivered(entry, tries).toCompletableFuture()).toArray(CompletableFuture[]::new);
    getContext().pipeToSelf(CompletableFuture.allOf(marks)
            // Off the driver's I/O thread: the bounded session may block it for a free slot.
            .thenComposeAsync(done -> outbox.saveCursor(subscription.id(), last.position()),
                getContext().getExecutionContext()),
        (ok, e) -> e == null ? new Recorded() : new StoreFailed(e.toString()));
    return this;
  }

  /** A position before every entry received at {@code at} or later. */
  private static OutboxEntry.Position justBefore(java.time.Instant at) {
    return new OutboxEntry.Position(LocalDate.ofInstant(at, ZoneOffset.UTC), at, "", "");
  }

  private static boolean after(OutboxEntry.Position a, OutboxEntry.Position b) {
    int byTime = a.receivedAt().compareTo(b.receivedAt());
    if (byTime != 0) {
      return byTime > 0;
    }
    int byMeter = a.meterId().compareTo(b.meterId());
    return byMeter != 0 ? byMeter > 0 : a.item().compareTo(b.item()) > 0;
  }

  private Behavior<Command> onSendFailed(SendFailed failed) {
    busy = false;
    failed.entries().forEach(entry -> outbox.markFailed(entry, attempts, failed.reason()));
    var wait = settings.retryAfter(attempts, ThreadLocalRandom.current().nextDouble());
    getContext().getLog().warn("delivery to subscription {} ({}) failed, attempt {}: {}; retrying in {} ms",
        subscription.name(), subscription.webhook(), attempts, failed.reason(), wait.toMillis());
    backingOff = true;
    timers.startSingleTimer(POLL, new RetryDue(), wait);
    return this;
  }

  private Behavior<Command> onStoreFailed(StoreFailed failed) {
    busy = false;
    getContext().getLog().warn("subscription {}: the store failed ({}); trying again in {} ms", subscription.name(),
        failed.reason(), settings.pollInterval().toMillis());
    timers.startSingleTimer(POLL, started ? new Wake() : new LoadCursor(), settings.pollInterval());
    return this;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
