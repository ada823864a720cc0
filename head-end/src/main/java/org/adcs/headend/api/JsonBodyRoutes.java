package org.adcs.headend.api;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaType;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.scaladsl.model.EntityStreamSizeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Routes that take a JSON body: 415 for a body that is not JSON, 413 over the size limit (checked on
 * the declared length and again while reading), 400 for malformed JSON, all RFC 7807 problems.
 */
abstract class JsonBodyRoutes extends AllDirectives {

  protected final ObjectMapper json;
  protected final Problems problems;

  JsonBodyRoutes(ObjectMapper json) {
    this.json = json;
    this.problems = new Problems(json);
  }

  /** @param what what the body is, for the error details ("a subscription") */
  protected Route jsonBody(int maxBytes, String what, Function<JsonNode, Route> inner) {
    return strictBody(MediaTypes.APPLICATION_JSON, maxBytes, what, body -> parsed(body, inner));
  }

  /**
   * A body of {@code mediaType} read whole, at most {@code maxBytes}: 415 for another media type,
   * 413 over the limit (checked on the declared length and again while reading).
   */
  protected Route strictBody(MediaType mediaType, int maxBytes, String what, Function<HttpEntity.Strict, Route> inner) {
    return extractRequestEntity(entity -> {
      if (!entity.getContentType().mediaType().equals(mediaType)) {
        return complete(problems.of(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "send " + what + " as " + mediaType.mainType() + "/" + mediaType.subType() + ", found "
                + entity.getContentType().mediaType()));
      }
      if (entity.getContentLengthOption().orElse(0) > maxBytes) {
        return tooLarge(maxBytes, what, mediaType); // BodyDrain reads the rest before this answer goes out
      }
      return extractMaterializer(materializer -> onComplete(entity.toStrict(5_000, maxBytes, materializer),
          strict -> strict.isSuccess() ? inner.apply(strict.get())
              : rootCause(strict.failed().get()) instanceof EntityStreamSizeException ? tooLarge(maxBytes, what, mediaType)
              : complete(problems.of(StatusCodes.BAD_REQUEST, "Unreadable body",
                  "the request body could not be read: " + strict.failed().get().getMessage()))));
    });
  }

  private Route parsed(HttpEntity.Strict body, Function<JsonNode, Route> inner) {
    JsonNode tree;
    try {
      tree = json.readTree(body.getData().decodeString(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage()));
    }
    return inner.apply(tree);
  }

  private Route tooLarge(int maxBytes, String what, MediaType mediaType) {
    String of = mediaType.equals(MediaTypes.APPLICATION_JSON) ? " bytes of JSON" : " bytes";
    return complete(problems.of(StatusCodes.PAYLOAD_TOO_LARGE, "Body too large", what + " is at most " + maxBytes + of));
  }

  protected Route json(StatusCode status, ObjectNode body) {
    return complete(HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString())));
  }

  protected static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t.getCause() != null) && t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
