package org.adcs.headend.api.security;

import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.Route;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.adcs.headend.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns akka-http's rejections (unknown path 404, wrong method 405, unreadable query 400 ...) into
 * problem JSON with the same status and message, a store that does not answer into 503, and anything
 * unexpected into a 500 that names a log reference instead of showing a stack trace.
 */
final class ProblemHandlers extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

  private final Problems problems;
  private final RejectionHandler rejections;
  private final ExceptionHandler exceptions;

  ProblemHandlers(Problems problems) {
    this.problems = problems;
    this.rejections = RejectionHandler.defaultHandler().mapRejectionResponse(this::asProblem);
    this.exceptions = ExceptionHandler.newBuilder()
        .matchAny(e -> {
          if (storeFailure(e)) {
            log.warn("API request failed: {}", e.getMessage());
            return complete(problems.of(StatusCodes.SERVICE_UNAVAILABLE, "Store unavailable",
                "the credential and audit store did not answer; try again"));
          }
          String reference = UUID.randomUUID().toString();
          log.error("API request failed, reference {}", reference, e);
          return complete(problems.of(StatusCodes.INTERNAL_SERVER_ERROR, "Internal error",
              "the request failed; the log has the cause under reference " + reference));
        })
        .build();
  }

  Route around(Route inner) {
    return handleExceptions(exceptions, () -> handleRejections(rejections, () -> inner));
  }

  private static boolean storeFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SecurityStore.StoreFailure) {
        return true;
      }
    }
    return false;
  }

  private HttpResponse asProblem(HttpResponse response) {
    if (response.entity() instanceof HttpEntity.Strict strict
        && !strict.getContentType().mediaType().subType().equals("problem+json")) {
      String detail = strict.getData().decodeString(StandardCharsets.UTF_8);
      return problems.of(response.status(), response.status().reason(), detail).addHeaders(response.getHeaders());
    }
    return response;
  }
}
