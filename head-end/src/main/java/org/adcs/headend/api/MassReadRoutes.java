package org.adcs.headend.api;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import akka.actor.typed.javadsl.AskPattern;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.Location;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.adcs.scheduler.massread.MassReadDesk;
import org.adcs.scheduler.massread.MassReadProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' mass on-demand reads (R-OD-3), run by the cluster's one mass read desk through the
 * workload manager, so an operator's single read still goes first (R-OD-4); any node answers for
 * any job:
 * <ul>
 *   <li>{@code POST /api/v1/mass-reads}: start one (body: {@link MassReadRequest}); 202 with its
 *       {@code Location}</li>
 *   <li>{@code GET /api/v1/mass-reads}: running jobs, then the last ended ones</li>
 *   <li>{@code GET /api/v1/mass-reads/{id}}: progress: done, failed, remaining, rate, estimated end</li>
 *   <li>{@code DELETE /api/v1/mass-reads/{id}}: cancel; 202 while its outstanding reads finish</li>
 * </ul>
 * Errors are RFC 7807 problem JSON: 400 for a body or id that is not valid (bad timeframe, unknown
 * read group, empty or oversized list), 413 over {@value #MAX_BODY_BYTES} bytes, 415 for a body that
 * is not JSON, 404 for an unknown job, 409 for cancelling an ended one, 503 when the desk does not
 * answer or runs as many jobs as it may.
 */
public final class MassReadRoutes extends JsonBodyRoutes {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final String BASE = "/api/v1/mass-reads/";
  /** The desk answers from memory; longer means it is moving to another node or unreachable. */
  private static final Duration DESK_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(MassReadRoutes.class);

  private final ActorRef<MassReadDesk.Command> desk;
  private final Scheduler scheduler;
  private final Clock clock;
  private final ZoneOffset standardTime;
  private final int groupCount;

  /**
   * @param clock        the head-end's clock, for the day a timeframe may not end after
   * @param standardTime the meters' standard time, whose days the timeframe names
   */
  public MassReadRoutes(ActorRef<MassReadDesk.Command> desk, Scheduler scheduler, ObjectMapper json, Clock clock,
      ZoneOffset standardTime, int groupCount) {
    super(json);
    this.desk = desk;
    this.scheduler = scheduler;
    this.clock = clock;
    this.standardTime = standardTime;
    this.groupCount = groupCount;
  }

  public Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("mass-reads", () -> concat(
        pathEndOrSingleSlash(() -> concat(
            post(() -> jsonBody(MAX_BODY_BYTES, "a mass read", this::start)),
            get(this::list),
            complete(problems.of(StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed",
                "use GET to list mass reads or POST to start one")))),
        path(PathMatchers.segment(), id -> concat(
            get(() -> withId(id, this::show)),
            delete(() -> withId(id, this::cancel)),
            complete(problems.of(StatusCodes.METHOD_NOT_ALLOWED, "Method not allowed",
                "use GET or DELETE on a mass read"))))))));
  }

  private Route start(JsonNode body) {
    MassReadRequest request;
    try {
      request = MassReadRequest.parse(body, LocalDate.ofInstant(clock.instant(), standardTime), groupCount);
    } catch (MassReadRequest.Invalid e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid mass read", e.getMessage()));
    }
    return ask(replyTo -> new MassReadDesk.Start(request.target(), request.concurrency(), replyTo), (MassReadDesk.StartAnswer answer) -> {
      if (answer instanceof MassReadDesk.Started started) {
        ObjectNode doc = json.createObjectNode();
        doc.put("jobId", started.jobId());
        doc.put("progress", BASE + started.jobId());
        return respondWithHeader(Location.create(BASE + started.jobId()), () -> json(StatusCodes.ACCEPTED, doc));
      }
      if (answer instanceof MassReadDesk.Busy busy) {
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Too many mass reads running", busy.reason()));
      }
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid mass read", ((MassReadDesk.Refused) answer).reason()));
    });
  }

  private Route list() {
    return ask(MassReadDesk.ListJobs::new, (MassReadDesk.Jobs jobs) -> {
      ObjectNode doc = json.createObjectNode();
      ArrayNode items = doc.putArray("jobs");
      jobs.jobs().forEach(p -> items.add(document(p)));
      return json(StatusCodes.OK, doc);
    });
  }

  private Route show(String jobId) {
    return ask(replyTo -> new MassReadDesk.Get(jobId, replyTo), (MassReadDesk.JobAnswer answer) -> answer.progress()
        .map(p -> json(StatusCodes.OK, document(p))).orElseGet(() -> notFound(jobId)));
  }

  private Route cancel(String jobId) {
    return ask(replyTo -> new MassReadDesk.Cancel(jobId, replyTo), (MassReadDesk.CancelAnswer answer) -> {
      if (answer instanceof MassReadDesk.Cancelling cancelling) {
        return json(StatusCodes.ACCEPTED, document(cancelling.progress()));
      }
      if (answer instanceof MassReadDesk.AlreadyEnded ended) {
        return complete(problems.of(StatusCodes.CONFLICT, "Mass read already ended",
            "mass read " + jobId + " ended " + ended.progress().state() + " with " + ended.progress().done() + " meters done"));
      }
      return notFound(jobId);
    });
  }

  private <T> Route ask(Function<ActorRef<T>, MassReadDesk.Command> message, Function<T, Route> inner) {
    CompletionStage<T> answer = AskPattern.ask(desk, message::apply, DESK_TIMEOUT, scheduler);
    return onComplete(answer, result -> {
      if (result.isFailure()) {
        log.warn("the mass read desk did not answer: {}", rootCause(result.failed().get()).toString());
        return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Mass reads unavailable",
            "the mass read desk did not answer within " + DESK_TIMEOUT.toSeconds() + " s; try again"));
      }
      return inner.apply(result.get());
    });
  }

  private Route withId(String text, Function<String, Route> inner) {
    return SubscriptionRoutes.parseId(text).map(UUID::toString).map(inner)
        .orElseGet(() -> complete(problems.of(StatusCodes.BAD_REQUEST, "Invalid mass read id",
            "a mass read id is a UUID such as 3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f")));
  }

  private Route notFound(String jobId) {
    return complete(problems.of(StatusCodes.NOT_FOUND, "Unknown mass read",
        "there is no mass read " + jobId + " (ended ones are kept only for a while)"));
  }

  private ObjectNode document(MassReadProgress p) {
    ObjectNode doc = json.createObjectNode();
    doc.put("jobId", p.jobId());
    doc.put("state", p.state().name());
    doc.put("found", p.found());
    doc.put("allFound", p.allFound());
    doc.put("done", p.done());
    doc.put("failed", p.failed());
    doc.put("remaining", p.remaining());
    doc.put("readsPerMinute", Math.round(p.readsPerMinute() * 100) / 100.0);
    p.estimatedEnd().ifPresentOrElse(end -> doc.put("estimatedEnd", end.toString()), () -> doc.putNull("estimatedEnd"));
    return doc;
  }
}
