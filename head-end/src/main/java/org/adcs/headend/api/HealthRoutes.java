package org.adcs.headend.api;

import akka.http.javadsl.marshallers.jackson.Jackson;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.adcs.headend.health.Readiness;

/**
 * {@code GET /health}: the process serves HTTP (liveness). {@code GET /ready}: the store, the
 * journal and the cluster membership are all up (readiness), 503 with the failing check otherwise.
 */
public final class HealthRoutes extends AllDirectives {

  private final Readiness readiness;
  private final ObjectMapper json;

  public HealthRoutes(Readiness readiness, ObjectMapper json) {
    this.readiness = readiness;
    this.json = json;
  }

  public Route routes() {
    return concat(
        path("health", () -> get(() ->
            complete(StatusCodes.OK, Map.of("status", "up"), Jackson.marshaller(json)))),
        path("ready", () -> get(() ->
            onSuccess(readiness.report(), report ->
                complete(report.ready() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, report,
                    Jackson.marshaller(json))))));
  }
}
