package org.adcs.headend.api.openapi;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;

/** {@code GET /api/v1/openapi.yaml} and {@code /api/v1/openapi.json}: the API's description, open to all. */
public final class OpenApiRoutes extends AllDirectives {

  private static final akka.http.javadsl.model.ContentType.WithFixedCharset YAML =
      ContentTypes.create(MediaTypes.applicationWithFixedCharset("yaml", HttpCharsets.UTF_8));

  private final OpenApiDocument document;

  public OpenApiRoutes(OpenApiDocument document) {
    this.document = document;
  }

  public Route routes() {
    return pathPrefix(PathMatchers.segment("api").slash("v1"), () -> concat(
        path("openapi.yaml", () -> get(() -> complete(HttpEntities.create(YAML, document.yaml())))),
        path("openapi.json", () -> get(() -> complete(HttpEntities.create(ContentTypes.APPLICATION_JSON,
            document.json()))))));
  }
}
