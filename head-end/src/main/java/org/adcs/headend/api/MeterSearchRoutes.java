package org.adcs.headend.api;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.adcs.headend.scheduling.MeterDirectory;

/**
 * {@code GET /api/v1/meters?prefix=&after=&limit=}: the meters in service whose id starts with the
 * prefix, in meter id order, a page at a time with the link to the next. Read from the read side's
 * bucketed, id-ordered table of meters in service, so a page costs a few rows per bucket whether the
 * fleet has 100 meters or 100,000 (the console's meter search).
 */
public final class MeterSearchRoutes extends AllDirectives {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{0,64}");

  private final MeterDirectory directory;
  private final ObjectMapper json;
  private final Problems problems;

  public MeterSearchRoutes(MeterDirectory directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
    this.problems = new Problems(json);
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> path("meters", () -> get(() -> parameterOptional("prefix",
        prefix -> parameterOptional("after", after -> parameterOptional("limit", limit -> search(prefix.orElse(""), after,
            limit))))))));
  }

  private Route search(String prefix, Optional<String> after, Optional<String> limit) {
    if (!PREFIX.matcher(prefix).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid prefix",
          "a prefix is up to 64 of the characters of meter ids (letters, digits, . _ : -)"));
    }
    if (after.isPresent() && !MeterReadRoutes.METER_ID.matcher(after.get()).matches()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid after", "after is a meter id from the previous page"));
    }
    int size;
    try {
      size = limit.map(Integer::parseInt).orElse(DEFAULT_PAGE);
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 1 || size > MAX_PAGE) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid limit", "limit is a whole number 1.." + MAX_PAGE));
    }
    int pageSize = size;
    return onComplete(directory.startingWith(prefix, after, pageSize), done -> {
      if (done.isFailure()) {
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Meters unavailable",
            "the store did not answer (" + done.failed().get().getMessage() + "); try again shortly"));
      }
      var page = done.get();
      ObjectNode answer = json.createObjectNode();
      answer.put("prefix", prefix);
      ArrayNode rows = answer.putArray("meters");
      page.rows().forEach(m -> rows.addObject().put("meterId", m.meterId())
          .put("registeredAt", m.registeredAt() == null ? null : m.registeredAt().toString()));
      page.continueAfter().ifPresentOrElse(next -> answer.put("next", "/api/v1/meters?prefix="
          + URLEncoder.encode(prefix, StandardCharsets.UTF_8) + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
          + "&limit=" + pageSize), () -> answer.putNull("next"));
      return complete(HttpResponse.create().withStatus(StatusCodes.OK)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, answer.toString())));
    });
  }
}
