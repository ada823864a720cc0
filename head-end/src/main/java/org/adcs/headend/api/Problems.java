package org.adcs.headend.api;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7807 problem documents, the API's one error format. */
public final class Problems {

  public static final ContentType.WithFixedCharset PROBLEM_JSON =
      ContentTypes.create(MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8));

  private final ObjectMapper json;

  public Problems(ObjectMapper json) {
    this.json = json;
  }

  public HttpResponse of(StatusCode status, String title, String detail) {
    ObjectNode problem = json.createObjectNode();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.intValue());
    problem.put("detail", detail);
    return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(PROBLEM_JSON, problem.toString()));
  }
}
