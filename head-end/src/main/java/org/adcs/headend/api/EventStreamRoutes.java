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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.routing.EventFeed;
import org.adcs.mdm.routing.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events/stream}: meter events as server-sent events (R-EV-2), optionally only
 * some types ({@code ?type=POWER_OUTAGE,POWER_RESTORED}) or one meter ({@code ?meter=SIM00000001}).
 * Each event's {@code id:} is its place in the durable {@link EventFeed}; a client that reconnects
 * with {@code Last-Event-ID} gets everything after it, so it misses nothing while it was away (up to
 * the feed's retention; older ids get an {@code event: gap} marker first).
 *
 * <p>Each client reads the feed from Cassandra at its own pace, one page at a time: a slow client
 * only falls behind in the durable feed, its memory is one page and the keys of the last
 * {@link #LOOKBACK}, and neither the ingest nor other clients wait for it. Comment lines every {@code heartbeat} keep proxies from closing an idle stream.
 */
public final class EventStreamRoutes extends AllDirectives {

  static final int MAX_CLIENTS = 64;
  private static final int PAGE = 200;
  /** How far behind the furthest sent entry late writes are looked for (projection slices' drift). */
  static final Duration LOOKBACK = Duration.ofSeconds(30);
  private static final Pattern METER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Logger log = LoggerFactory.getLogger(EventStreamRoutes.class);

  private final EventFeed feed;
  private final ActorSystem<?> system;
  private final Problems problems;
  private final ObjectMapper json;
  private final Duration poll;
  private final Duration heartbeat;
  private final AtomicInteger clients = new AtomicInteger();

  public EventStreamRoutes(EventFeed feed, ActorSystem<?> system, ObjectMapper json, Duration poll, Duration heartbeat) {
    this.feed = feed;
    this.system = system;
    this.json = json;
    this.problems = new Problems(json);
    this.poll = poll;
    this.heartbeat = heartbeat;
  }

  public EventStreamRoutes(EventFeed feed, ActorSystem<?> system, ObjectMapper json) {
    this(feed, system, json, Duration.ofMillis(250), Duration.ofSeconds(15));
  }

  /** Which events a client wants; empty sets mean all. */
  record Filter(Set<MeterEventType> types, Optional<String> meter) {
    boolean wants(OutboxEntry entry, String type) {
      return meter.map(entry.meterId()::equals).orElse(true)
          && (types.isEmpty() || types.stream().anyMatch(t -> t.name().equals(type)));
    }
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("events", () -> path("stream", () -> get(() ->
        parameterOptional("type", type -> parameterOptional("meter", meter ->
            optionalHeaderValueByName("Last-Event-ID", lastId -> stream(type, meter, lastId)))))))));
  }

  private Route stream(Optional<String> typeParam, Optional<String> meterParam, Optional<String> lastId) {
    EnumSet<MeterEventType> types = EnumSet.noneOf(MeterEventType.class);
    if (typeParam.isPresent()) {
      for (String t : typeParam.get().split(",")) {
        try {
          types.add(MeterEventType.valueOf(t.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          return complete(problems.of(StatusCodes.BAD_REQUEST, "Unknown event type",
              "unknown event type \"" + t + "\"; known: " + Arrays.toString(MeterEventType.values())));
        }
      }
    }
    if (meterParam.isPresent() && !METER_ID.matcher(meterParam.get()).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid meter id",
          "a meter id is 1-64 letters, digits or . _ : -"));
    }
    Optional<OutboxEntry.Position> resume;
    try {
      resume = lastId.filter(s -> !s.isBlank()).map(EventStreamRoutes::position);
    } catch (IllegalArgumentException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid Last-Event-ID", e.getMessage()));
    }
    if (clients.incrementAndGet() > MAX_CLIENTS) {
      clients.decrementAndGet();
      return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Too many event streams",
          "this node serves at most " + MAX_CLIENTS + " event streams; try another node or later"));
    }
    Filter filter = new Filter(types, meterParam);
    log.info("event stream opened (types {}, meter {}, resuming after {})", types.isEmpty() ? "all" : types,
        meterParam.orElse("all"), lastId.orElse("-"));
    return complete(StatusCodes.OK, events(filter, resume), toEventStream());
  }

  private Source<ServerSentEvent, NotUsed> events(Filter filter, Optional<OutboxEntry.Position> resume) {
    OutboxEntry.Position oldest = feed.oldest();
    Source<ServerSentEvent, NotUsed> gap = Source.empty();
    OutboxEntry.Position start = resume.orElseGet(feed::now);
    if (resume.isPresent() && resume.get().receivedAt().isBefore(oldest.receivedAt())) {
      gap = Source.single(ServerSentEvent.create("{\"from\":\"" + resume.get().receivedAt() + "\",\"to\":\""
          + oldest.receivedAt() + "\",\"reason\":\"older than the feed's retention of " + EventFeed.RETENTION.toDays()
          + " days\"}", "gap"));
      start = oldest;
    }
    Source<ServerSentEvent, NotUsed> live = Source.unfoldAsync(new Cursor(start, start, start, new HashMap<>()),
            cursor -> step(cursor).thenApply(next -> Optional.of(Pair.create(next.first(), next.second()))))
        .mapConcat(entries -> entries)
        .mapConcat(entry -> toEvent(entry, filter).map(List::of).orElse(List.of()));
    return gap.concat(live)
        .keepAlive(heartbeat, ServerSentEvent::heartbeat)
        .watchTermination((mat, done) -> {
          done.whenComplete((ok, e) -> {
            clients.decrementAndGet();
            log.info("event stream closed{}", e == null ? "" : " (" + e.getMessage() + ")");
          });
          return mat;
        });
  }

  /**
   * Where a client's stream stands: it reads on from {@code scan}; {@code high} is the furthest entry
   * sent; {@code floor} is where it started (a resumed client had everything before it). {@code sent}
   * holds the keys sent within the last {@link #LOOKBACK}, so the re-read finds only what is new.
   */
  record Cursor(OutboxEntry.Position scan, OutboxEntry.Position high, OutboxEntry.Position floor,
      Map<String, Instant> sent) {}

  /**
   * One page of entries not sent yet. Projection slices post concurrently, so an entry can be written
   * after a later one was sent: each time the stream reaches the end of the feed it reads the last
   * {@link #LOOKBACK} again (never before where it started) and sends what it had not, then waits
   * for the poll interval.
   */
  private CompletionStage<Pair<Cursor, List<OutboxEntry>>> step(Cursor cursor) {
    return feed.after(cursor.scan(), PAGE).thenCompose(page -> {
      List<OutboxEntry> fresh = new ArrayList<>();
      OutboxEntry.Position high = cursor.high();
      for (OutboxEntry entry : page.entries()) {
        if (cursor.sent().putIfAbsent(entry.key(), entry.receivedAt()) == null) {
          fresh.add(entry);
          if (after(entry.position(), high)) {
            high = entry.position();
          }
        }
      }
      if (page.entries().size() == PAGE) {
        return CompletableFuture.completedFuture(
            Pair.create(new Cursor(page.next(), high, cursor.floor(), cursor.sent()), fresh));
      }
      Instant rewindTo = high.receivedAt().minus(LOOKBACK);
      cursor.sent().values().removeIf(at -> at.isBefore(rewindTo));
      OutboxEntry.Position rewind = rewindTo.isAfter(cursor.floor().receivedAt()) ? EventFeed.before(rewindTo)
          : cursor.floor();
      Cursor next = new Cursor(rewind, high, cursor.floor(), cursor.sent());
      return Patterns.after(poll, system.classicSystem().scheduler(), system.executionContext(),
          () -> CompletableFuture.completedFuture(Pair.create(next, fresh)));
    });
  }

  static boolean after(OutboxEntry.Position a, OutboxEntry.Position b) {
    int byTime = a.receivedAt().compareTo(b.receivedAt());
    if (byTime != 0) {
      return byTime > 0;
    }
    int byMeter = a.meterId().compareTo(b.meterId());
    return byMeter != 0 ? byMeter > 0 : a.item().compareTo(b.item()) > 0;
  }

  private Optional<ServerSentEvent> toEvent(OutboxEntry entry, Filter filter) {
    String type;
    try {
      type = json.readTree(entry.payload()).path("type").asText();
    } catch (Exception e) {
      log.warn("event feed entry {} holds no JSON; skipped", entry.key());
      return Optional.empty();
    }
    if (!filter.wants(entry, type)) {
      return Optional.empty();
    }
    return Optional.of(ServerSentEvent.create(entry.payload(), type, id(entry.position())));
  }

  /** {@code <received at>/<meter>/<item>}: readable, and all a resume needs. */
  static String id(OutboxEntry.Position position) {
    return position.receivedAt() + "/" + position.meterId() + "/" + position.item();
  }

  static OutboxEntry.Position position(String id) {
    String[] parts = id.strip().split("/", -1);
    if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty() || !METER_ID.matcher(parts[1]).matches()
        || parts[2].length() > 200) {
      throw new IllegalArgumentException("expected an id from this stream, <time>/<meter>/<item>, found \"" + id + "\"");
    }
    try {
      Instant at = Instant.parse(parts[0]);
      return new OutboxEntry.Position(EventFeed.before(at).day(), at, parts[1], parts[2]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the id's time is not an ISO-8601 instant: \"" + parts[0] + "\"");
    }
  }
}
