package org.adcs.headend.api;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.sse.ServerSentEvent;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.routing.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events/stream}: meter events as server-sent events (R-EV-2), optionally only
 * some types ({@code ?type=POWER_OUTAGE,POWER_RESTORED}) or one meter ({@code ?meter=SIM00000001}),
 * read from the durable events {@link Feed} and resumable with {@code Last-Event-ID} ({@link FeedStream}).
 */
public final class EventStreamRoutes extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(EventStreamRoutes.class);

  private final FeedStream stream;
  private final ObjectMapper json;
  private final Problems problems;

  EventStreamRoutes(FeedStream stream, ObjectMapper json) {
    this.stream = stream;
    this.json = json;
    this.problems = new Problems(json);
  }

  /** Which events a client wants; an empty set means all types. */
  record Filter(Set<MeterEventType> types, Optional<String> meter) {
    boolean wants(String meterId, String type) {
      return meter.map(meterId::equals).orElse(true)
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
    if (meterParam.isPresent() && !FeedStream.METER_ID.matcher(meterParam.get()).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid meter id",
          "a meter id is 1-64 letters, digits or . _ : -"));
    }
    Filter filter = new Filter(types, meterParam);
    return stream.serve(lastId, "types " + (types.isEmpty() ? "all" : types) + ", meter " + meterParam.orElse("all"),
        entry -> toEvent(entry, filter));
  }

  private Optional<ServerSentEvent> toEvent(Feed.Entry entry, Filter filter) {
    String type;
    try {
      type = json.readTree(entry.payload()).path("type").asText();
    } catch (Exception e) {
      log.warn("event feed entry {} holds no JSON; skipped", entry.key());
      return Optional.empty();
    }
    if (!filter.wants(entry.position().meterId(), type)) {
      return Optional.empty();
    }
    return Optional.of(ServerSentEvent.create(entry.payload(), type, FeedStream.id(entry.position())));
  }
}
