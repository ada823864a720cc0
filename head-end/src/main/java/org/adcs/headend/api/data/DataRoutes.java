package org.adcs.headend.api.data;

import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.Principal;

/**
 * {@code GET /api/v1/readings}: raw or validated readings for meters and whole days of the requester's
 * time zone (R-DAT-1, R-COL-6) as JSON, CSV or IEC 61968-9 XML ({@code format=} or the Accept header),
 * streamed; with {@code destination=mailbox} the same document goes to the caller's mailbox (202 and
 * the file). {@code GET /api/v1/readings/yesterday}: the same for the day before today in the zone
 * (R-DAT-2 b). A third party names only its own meters (the access policy holds it to them).
 */
final class DataRoutes extends DataDirectives {

  private final ReadingDispatch dispatch;
  private final DataSettings limits;
  private final ObjectMapper json;
  private final Clock clock;

  DataRoutes(ReadingDispatch dispatch, DataSettings limits, ObjectMapper json, Problems problems, Executor blocking,
      Clock clock) {
    super(problems, blocking);
    this.dispatch = dispatch;
    this.limits = limits;
    this.json = json;
    this.clock = clock;
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("readings", () -> get(() -> concat(
        pathEnd(() -> parameterOptional("from", from -> parameterOptional("to", to -> query(zone -> {
          LocalDate first = ReadingRequest.day("from", from.orElseThrow(() -> new InvalidRequest("Period missing",
              "name the period: ?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive)")));
          LocalDate end = ReadingRequest.day("to", to.orElseThrow(() -> new InvalidRequest("Period missing",
              "name the period: ?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive)")));
          return new Days(first, end);
        })))),
        path("yesterday", () -> query(zone -> {
          LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
          return new Days(today.minusDays(1), today);
        })))))));
  }

  /** A period's first day and end (exclusive). */
  private record Days(LocalDate from, LocalDate to) {}

  private Route query(Function<ZoneId, Days> periodOf) {
    return caller(who -> parameterList("meter", meters -> parameterList("channel", channels ->
        parameterOptional("kind", kind -> parameterOptional("zone", zone -> parameterOptional("format", format ->
            parameterOptional("destination", destination -> optionalHeaderValueByName("Accept", accept -> checked(() -> {
              List<String> ids = ReadingRequest.meters(meters, limits);
              ZoneId requesterZone = ReadingRequest.zone(zone, dispatch.export().meterStandardTime());
              Days days = periodOf.apply(requesterZone);
              ReadingRequest request = new ReadingRequest(ids,
                  ReadingRequest.period(days.from(), days.to(), requesterZone, ids.size(), limits),
                  ReadingRequest.kind(kind), ReadingRequest.channels(channels), ReadingRequest.format(format, accept));
              return switch (destination.map(d -> d.strip().toLowerCase(Locale.ROOT)).orElse("response")) {
                case "response" -> complete(HttpResponse.create().withStatus(StatusCodes.OK).withEntity(
                    HttpEntities.createChunked(request.format().contentType(), dispatch.export().document(request))));
                case "mailbox" -> toMailbox(who, request);
                default -> throw new InvalidRequest("Unknown destination",
                    "destination is response (the default) or mailbox, found \"" + destination.get() + "\"");
              };
            })))))))));
  }

  private Route toMailbox(Principal who, ReadingRequest request) {
    String description = "readings " + request.heading().kind() + " " + request.period().from() + ".."
        + request.period().to() + " " + request.period().zone().getId() + ", " + request.meters().size() + " meters";
    return onSuccess(dispatch.toMailbox(who.name(), "readings", description, request),
        file -> complete(HttpResponse.create().withStatus(StatusCodes.ACCEPTED)
            .addHeader(akka.http.javadsl.model.headers.Location.create("/api/v1/mailbox/" + file.id()))
            .withEntity(HttpEntities.create(akka.http.javadsl.model.ContentTypes.APPLICATION_JSON,
                MailboxRoutes.describe(json, file).toString()))));
  }
}
