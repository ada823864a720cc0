package org.adcs.headend.api;

import akka.event.LoggingAdapter;
import akka.http.ParsingErrorHandler;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.scaladsl.model.ErrorInfo;
import akka.http.scaladsl.model.StatusCode;
import akka.http.scaladsl.settings.ServerSettings;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers requests the HTTP layer cannot parse (URI or headers over the limits, a malformed request
 * line) with an RFC 7807 problem instead of akka-http's plain text: no route, and so no audit record,
 * ever sees them. Named by {@code akka.http.server.parsing.error-handler}.
 */
public final class ProblemParsingErrors extends ParsingErrorHandler {

  private final Problems problems = new Problems(new ObjectMapper());

  @Override
  public HttpResponse handle(StatusCode status, ErrorInfo info, LoggingAdapter log, ServerSettings settings) {
    log.warning("Illegal request, responding with status '{}': {}", status.value(), info.summary());
    // The summary names the limit broken, never the request's content.
    return problems.of(StatusCodes.get(status.intValue()), status.reason(), info.summary());
  }
}
