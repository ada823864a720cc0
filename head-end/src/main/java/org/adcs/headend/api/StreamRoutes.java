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
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private StreamRoutes() {}

  public static Route routes(Feed events, Feed readings, ActorSystem<?> system, ObjectMapper json) {
    FeedStream.Slots slots = new FeedStream.Slots(MAX_STREAMS);
    return new EventStreamRoutes(new FeedStream(events, system, json, slots, POLL, HEARTBEAT), json).routes()
        .orElse(new ReadingStreamRoutes(new FeedStream(readings, system, json, slots, POLL, HEARTBEAT), json).routes());
  }
}
