package org.adcs.headend.api;

import static akka.http.javadsl.marshalling.sse.EventStreamMarshalling.toEventStream;

import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.sse.ServerSentEvent;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.japi.Pair;
import akka.pattern.Patterns;
import akka.stream.javadsl.Source;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.adcs.mdm.routing.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link Feed} as server-sent events, the part event and reading streams share. Each
 * event's {@code id:} is its position in the feed; a client that reconnects with
 * {@code Last-Event-ID} gets exactly what followed it (up to the feed's retention; older ids get an
 * {@code event: gap} marker first). The feed returns only settled entries, so nothing lands behind a
 * position once a stream has passed it.
 *
 * <p>Each client reads the feed from Cassandra at its own pace, one page at a time: a slow client only
 * falls behind in the durable feed, its memory is one page, and neither the ingest nor other clients
 * wait for it. An idle stream sends an empty event ({@code data:} without data, which an EventSource
 * does not dispatch) every {@code heartbeat}, so proxies do not close it.
 */
final class FeedStream extends AllDirectives {

  static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int PAGE = 200;
  private static final Logger log = LoggerFactory.getLogger(FeedStream.class);

  /**
   * The streams one node serves at most, over all feeds: each holds a connection and reads the store.
   * A slot is taken when a request is admitted and freed when its stream ends, or, should the response
   * never start (the client gone before it was sent, the response dropped), after {@code startWithin}.
   */
  static final class Slots {
    private final int max;
    private final Duration startWithin;
    private final AtomicInteger open = new AtomicInteger();

    Slots(int max, Duration startWithin) {
      if (max < 1 || startWithin.isNegative() || startWithin.isZero()) {
        throw new IllegalArgumentException("streams need at least one slot and a positive start time");
      }
      this.max = max;
      this.startWithin = startWithin;
    }

    /** A slot, unless all are taken. */
    Optional<Lease> take() {
      if (open.incrementAndGet() > max) {
        open.decrementAndGet();
        return Optional.empty();
      }
      return Optional.of(new Lease());
    }

    int max() {
      return max;
    }

    int open() {
      return open.get();
    }

    Duration startWithin() {
      return startWithin;
    }

    /** One admitted stream's slot: freed exactly once, whichever way the stream ends or never begins. */
    final class Lease {
      private static final int ADMITTED = 0;
      private static final int STREAMING = 1;
      private static final int FREED = 2;
      private final AtomicInteger state = new AtomicInteger(ADMITTED);

      /** @return false when the slot was freed already (the start came too late): send nothing */
      boolean start() {
        return state.compareAndSet(ADMITTED, STREAMING);
      }

      /** Frees the slot if the stream has not started. */
      void expire() {
        if (state.compareAndSet(ADMITTED, FREED)) {
          open.decrementAndGet();
          log.warn("a stream's response did not start within {} ms; its slot is free again", startWithin.toMillis());
        }
      }

      void release() {
        if (state.getAndSet(FREED) != FREED) {
          open.decrementAndGet();
        }
      }
    }
  }

  private final FeedReader feed;
  private final ActorSystem<?> system;
  private final Problems problems;
  private final Slots slots;
  private final Duration poll;
  private final Duration heartbeat;

  FeedStream(FeedReader feed, ActorSystem<?> system, ObjectMapper json, Slots slots, Duration poll, Duration heartbeat) {
    this.feed = feed;
    this.system = system;
    this.problems = new Problems(json);
    this.slots = slots;
    this.poll = poll;
    this.heartbeat = heartbeat;
  }

  /**
   * The stream from {@code lastId} (or the settled present), each entry as {@code toEvent} makes it
   * (empty: not for this client); 400 for an id not from this stream, 503 when the node is full.
   */
  Route serve(Optional<String> lastId, String description, Function<Feed.Entry, Optional<ServerSentEvent>> toEvent) {
    Optional<Feed.Position> resume;
    try {
      resume = lastId.filter(s -> !s.isBlank()).map(FeedStream::position);
    } catch (IllegalArgumentException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid Last-Event-ID", e.getMessage()));
    }
    Optional<Slots.Lease> slot = slots.take();
    if (slot.isEmpty()) {
      return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Too many streams",
          "this node serves at most " + slots.max() + " event and reading streams; try another node or later"));
    }
    Slots.Lease lease = slot.get();
    Source<ServerSentEvent, NotUsed> events;
    try {
      events = events(resume, toEvent, lease);
    } catch (RuntimeException e) {
      lease.release();
      throw e;
    }
    system.scheduler().scheduleOnce(slots.startWithin(), lease::expire, system.executionContext());
    log.info("{} stream opened ({}, resuming after {})", feed.name(), description, lastId.orElse("-"));
    return complete(StatusCodes.OK, events, toEventStream());
  }

  /** The stream as the response sends it; it holds {@code lease} from its start to its end. */
  private Source<ServerSentEvent, NotUsed> events(Optional<Feed.Position> resume,
      Function<Feed.Entry, Optional<ServerSentEvent>> toEvent, Slots.Lease lease) {
    Feed.Position oldest = feed.oldest();
    Source<ServerSentEvent, NotUsed> gap = Source.empty();
    Feed.Position start = resume.orElseGet(feed::now);
    if (start.compareTo(oldest) < 0) {
      gap = Source.single(ServerSentEvent.create("{\"from\":\"" + start.at() + "\",\"to\":\"" + oldest.at()
          + "\",\"reason\":\"older than the feed's retention of " + Feed.RETENTION.toDays() + " days\"}", "gap"));
      start = oldest;
    }
    Source<ServerSentEvent, NotUsed> live = Source.unfoldAsync(start,
            position -> step(position).thenApply(page -> Optional.of(Pair.create(page.next(), page.entries()))))
        .mapConcat(entries -> entries)
        .mapConcat(entry -> toEvent.apply(entry).map(List::of).orElse(List.of()));
    Source<ServerSentEvent, NotUsed> stream = gap.concat(live).keepAlive(heartbeat, ServerSentEvent::heartbeat);
    // Started only if its slot is still held: one freed by expire() may have gone to another client.
    return Source.fromMaterializer((materializer, attributes) -> lease.start() ? stream : Source.<ServerSentEvent>empty())
        .watchTermination((mat, done) -> {
          done.whenComplete((ok, e) -> {
            lease.release();
            log.info("{} stream closed{}", feed.name(), e == null ? "" : " (" + e.getMessage() + ")");
          });
          return NotUsed.notUsed();
        });
  }

  /** The next page; at the end of the feed, after the poll interval. */
  private CompletionStage<Feed.Page> step(Feed.Position position) {
    return feed.after(position, PAGE).thenCompose(page -> page.entries().size() == PAGE
        ? CompletableFuture.completedFuture(page)
        : Patterns.after(poll, system.classicSystem().scheduler(), system.executionContext(),
            () -> CompletableFuture.completedFuture(page)));
  }

  /** {@code <written at>/<meter>/<item>}: readable, and all a resume needs. */
  static String id(Feed.Position position) {
    return position.at() + "/" + position.meterId() + "/" + position.item();
  }

  static Feed.Position position(String id) {
    String[] parts = id.strip().split("/", -1);
    if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty() || !METER_ID.matcher(parts[1]).matches()
        || parts[2].length() > 200) {
      throw new IllegalArgumentException("expected an id from this stream, <time>/<meter>/<item>, found \"" + id + "\"");
    }
    try {
      Feed.Position at = Feed.Position.before(Instant.parse(parts[0]));
      return new Feed.Position(at.micros(), parts[1], parts[2]);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("the id's time is not an ISO-8601 instant: \"" + parts[0] + "\"");
    }
  }
}
