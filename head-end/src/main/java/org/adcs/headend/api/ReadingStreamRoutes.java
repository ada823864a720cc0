package org.adcs.headend.api;

import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.sse.ServerSentEvent;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.routing.Feed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/readings/stream}: each validated day as it is stored, as a server-sent event
 * {@code reading} (R-COL-2: real-time recipients get the data as the MDM store does), optionally for
 * one meter ({@code ?meter=}), channel ({@code ?channel=active-import}) or source
 * ({@code ?source=SCHEDULED}); read from the durable readings {@link Feed} and resumable with
 * {@code Last-Event-ID} ({@link FeedStream}). A corrected day arrives again as its new version.
 */
public final class ReadingStreamRoutes extends AllDirectives {

  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Logger log = LoggerFactory.getLogger(ReadingStreamRoutes.class);

  private final FeedStream stream;
  private final ObjectMapper json;
  private final Problems problems;

  ReadingStreamRoutes(FeedStream stream, ObjectMapper json) {
    this.stream = stream;
    this.json = json;
    this.problems = new Problems(json);
  }

  /** Which readings a client wants; empty means any. */
  record Filter(Optional<String> meter, Optional<String> channel, Optional<ReadingSource> source) {
    boolean wants(JsonNode reading) {
      return meter.map(m -> m.equals(reading.path("meterId").asText())).orElse(true)
          && channel.map(c -> c.equals(reading.path("channel").asText())).orElse(true)
          && source.map(s -> s.name().equals(reading.path("source").asText())).orElse(true);
    }
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("readings", () -> path("stream", () -> get(() ->
        parameterOptional("meter", meter -> parameterOptional("channel", channel -> parameterOptional("source",
            source -> optionalHeaderValueByName("Last-Event-ID",
                lastId -> stream(meter, channel, source, lastId))))))))));
  }

  private Route stream(Optional<String> meter, Optional<String> channel, Optional<String> sourceParam,
      Optional<String> lastId) {
    if (meter.isPresent() && !FeedStream.METER_ID.matcher(meter.get()).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid meter id",
          "a meter id is 1-64 letters, digits or . _ : -"));
    }
    if (channel.isPresent() && !CHANNEL.matcher(channel.get()).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid channel",
          "a channel is named in lower-case letters, digits and '-', e.g. active-import; found \"" + channel.get()
              + "\""));
    }
    Optional<ReadingSource> source;
    try {
      source = sourceParam.map(s -> ReadingSource.valueOf(s.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Unknown source",
          "unknown reading source \"" + sourceParam.get() + "\"; known: " + Arrays.toString(ReadingSource.values())));
    }
    Filter filter = new Filter(meter, channel, source);
    return stream.serve(lastId, "meter " + meter.orElse("all") + ", channel " + channel.orElse("all") + ", source "
        + source.map(Enum::name).orElse("all"), entry -> toEvent(entry, filter));
  }

  private Optional<ServerSentEvent> toEvent(Feed.Entry entry, Filter filter) {
    JsonNode reading;
    try {
      reading = json.readTree(entry.payload());
    } catch (Exception e) {
      log.warn("reading feed entry {} holds no JSON; skipped", entry.key());
      return Optional.empty();
    }
    if (!filter.wants(reading)) {
      return Optional.empty();
    }
    return Optional.of(ServerSentEvent.create(entry.payload(), "reading", FeedStream.id(entry.position())));
  }
}
