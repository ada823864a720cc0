package org.adcs.headend.api;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.adcs.mdm.routing.Feed;

/** The server-sent-event streams of events and readings, sharing one bound on streams per node. */
public final class StreamRoutes {

  static final int MAX_STREAMS = 64;
  private static final Duration POLL = Duration.ofMillis(250);
  /** How long an admitted stream's response may take to start before its slot is freed. */
  private static final Duration START_WITHIN = Duration.ofSeconds(30);

  private StreamRoutes() {}

  /** @param heartbeat how long a stream may be idle before it sends a comment ({@code adcs.streams.heartbeat}) */
  public static Route routes(Feed events, Feed readings, ActorSystem<?> system, ObjectMapper json, Duration heartbeat) {
    return routes(FeedReader.of(events), FeedReader.of(readings), system, json,
        new FeedStream.Slots(MAX_STREAMS, START_WITHIN), POLL, heartbeat);
  }

  static Route routes(FeedReader events, FeedReader readings, ActorSystem<?> system, ObjectMapper json,
      FeedStream.Slots slots, Duration poll, Duration heartbeat) {
    return new EventStreamRoutes(new FeedStream(events, system, json, slots, poll, heartbeat), json).routes()
        .orElse(new ReadingStreamRoutes(new FeedStream(readings, system, json, slots, poll, heartbeat), json).routes());
  }
}
