package org.adcs.headend.api.security;

import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.http.scaladsl.model.EntityStreamSizeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.adcs.headend.api.Problems;

/**
 * A JSON object request body of at most {@code maxBytes} with only the fields the route knows (a
 * misspelt field is refused rather than silently ignored), or the 400/413/415 problem that says why not.
 */
public final class JsonBodies extends AllDirectives {

  private final ObjectMapper json;
  private final Problems problems;
  private final int maxBytes;

  public JsonBodies(ObjectMapper json, Problems problems, int maxBytes) {
    this.json = json;
    this.problems = problems;
    this.maxBytes = maxBytes;
  }

  /** @param fields the names the body may hold */
  public Route object(Set<String> fields, Function<JsonNode, Route> inner) {
    return extractRequestEntity(entity -> {
      if (!entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
        return complete(problems.of(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "send application/json, found " + entity.getContentType().mediaType()));
      }
      if (entity.getContentLengthOption().orElse(0) > maxBytes) {
        return tooLarge(); // the API's BodyDrain reads the rest before this answer goes out
      }
      return extractMaterializer(materializer -> onComplete(entity.toStrict(5_000, maxBytes, materializer),
          strict -> {
            if (strict.isFailure()) {
              return strict.failed().get() instanceof EntityStreamSizeException
                  || strict.failed().get().getCause() instanceof EntityStreamSizeException ? tooLarge()
                  : complete(problems.of(StatusCodes.BAD_REQUEST, "Unreadable body",
                      "the request body could not be read"));
            }
            return parsed(strict.get(), fields, inner);
          }));
    });
  }

  private Route parsed(HttpEntity.Strict body, Set<String> fields, Function<JsonNode, Route> inner) {
    JsonNode tree;
    try {
      tree = json.readTree(body.getData().decodeString(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Malformed JSON",
          "the body is not valid JSON: " + e.getOriginalMessage()));
    }
    if (tree == null || !tree.isObject()) {
      return complete(problems.of(StatusCodes.BAD_REQUEST, "Malformed JSON", "the body must be a JSON object"));
    }
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        return complete(problems.of(StatusCodes.BAD_REQUEST, "Unknown field", "unknown field \"" + clip(name)
            + "\"; expected " + new TreeSet<>(fields)));
      }
    }
    return inner.apply(tree);
  }

  private static String clip(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "..." : name;
  }

  private Route tooLarge() {
    return complete(problems.of(StatusCodes.PAYLOAD_TOO_LARGE, "Body too large",
        "a request body is at most " + maxBytes + " bytes of JSON"));
  }
}
