package org.adcs.headend.api.data;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.AccessPolicy;
import org.adcs.headend.api.security.ApiSecurity;
import org.adcs.headend.api.security.Role;
import org.adcs.mdm.mailbox.PartyUsage;

/**
 * Third parties' use of the meter network (R-DAT-4): each on-demand read a third party starts
 * ({@code POST /api/v1/meters/{id}/reads}) is counted per day (UTC) in the store, and refused with 429
 * once the day's count reaches the configured limit; operators see the counts at {@code GET
 * /api/v1/parties/{party}/usage}. Two reads started at the same moment on two nodes may both pass
 * the check, so a party can exceed its limit by the reads it has in flight, not more.
 */
final class NetworkUsage extends DataDirectives {

  private static final Pattern READ = Pattern.compile("/api/v1/meters/[^/]+/reads");
  /** Days shown to operators. */
  static final int HISTORY_DAYS = 31;

  private final PartyUsage usage;
  private final int readsPerDay;
  private final ObjectMapper json;
  private final Clock clock;

  NetworkUsage(PartyUsage usage, int readsPerDay, ObjectMapper json, Problems problems, Executor blocking,
      Clock clock) {
    super(problems, blocking);
    this.usage = usage;
    this.readsPerDay = readsPerDay;
    this.json = json;
    this.clock = clock;
  }

  /** {@code reads} with each third party's on-demand read counted against its daily limit. */
  Route metered(Route reads) {
    return extractRequest(request -> {
      if (!isRead(request)) {
        return reads;
      }
      var who = request.getAttribute(ApiSecurity.PRINCIPAL).filter(p -> p.role() == Role.THIRD_PARTY);
      if (who.isEmpty()) {
        return reads;
      }
      String party = who.get().name();
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      return onSuccess(off(usage.reads(party, today)), used -> {
        if (used >= readsPerDay) {
          Instant midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
          long seconds = Math.max(1, Duration.between(clock.instant(), midnight).toSeconds());
          return complete(problem(StatusCodes.TOO_MANY_REQUESTS, "Daily read limit reached", party + " has made "
              + used + " on-demand reads today (UTC), its limit is " + readsPerDay + "; reads resume at " + midnight)
              .addHeader(RawHeader.create("Retry-After", Long.toString(seconds))));
        }
        return onSuccess(usage.countRead(party, today), counted -> reads);
      });
    });
  }

  private static boolean isRead(HttpRequest request) {
    return request.method().value().equals("POST") && READ.matcher(request.getUri().path()).matches();
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("parties", () -> path(
        PathMatchers.segment().slash("usage"), party -> get(() -> checked(() -> report(party)))))));
  }

  private Route report(String party) {
    if (!AccessPolicy.NAME.matcher(party).matches()) {
      throw new InvalidRequest("Invalid party", "a party is named by 1-64 letters, digits or . _ - @");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return onSuccess(usage.readsSince(party, today.minusDays(HISTORY_DAYS - 1)), days -> {
      long used = days.getOrDefault(today, 0L);
      ObjectNode body = json.createObjectNode().put("party", party).put("day", today.toString())
          .put("onDemandReads", used).put("limit", readsPerDay).put("remaining", Math.max(0, readsPerDay - used));
      var history = body.putArray("days");
      days.forEach((day, reads) -> history.addObject().put("day", day.toString()).put("onDemandReads", reads));
      return complete(HttpResponse.create().withStatus(StatusCodes.OK)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString())));
    });
  }

}
