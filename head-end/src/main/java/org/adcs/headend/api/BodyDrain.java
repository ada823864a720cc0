package org.adcs.headend.api;

import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import akka.stream.Materializer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads and drops what is left of a request body before its answer goes out.
 *
 * <p>Why: a route that answers without reading the body (401, 403, 404, 413, 415, a bad path) makes
 * akka-http close the connection while the client may still be writing; the client's socket is then
 * reset and it never sees the answer, only "connection reset". Draining first means every client
 * gets its problem document. A body the route has already read is not read again (a second read
 * fails at once and is ignored); a body declared larger than {@link #MAX_DRAINED_BYTES}, or one
 * sent with {@code Expect: 100-continue} (the client waits and sends nothing unless asked), is not
 * drained: its connection is closed, as before.
 */
final class BodyDrain extends AllDirectives {

  /** Above every route's own limit (the largest, a master-data file, is 24 MiB). */
  static final long MAX_DRAINED_BYTES = 32L << 20;

  private BodyDrain() {}

  static Route around(Route inner) {
    BodyDrain d = new BodyDrain();
    return d.extractRequest(request -> d.extractMaterializer(materializer -> d.mapRouteResultFuture(
        result -> result.thenCompose(answer -> drain(request, materializer).thenApply(drained -> answer)),
        () -> inner)));
  }

  private static CompletionStage<Object> drain(HttpRequest request, Materializer materializer) {
    HttpEntity entity = request.entity();
    boolean nothingToRead = entity.isStrict() || entity.isKnownEmpty()
        || request.getHeader("Expect").isPresent();
    long declared = entity.getContentLengthOption().orElse(MAX_DRAINED_BYTES);
    if (nothingToRead || declared > MAX_DRAINED_BYTES) {
      return CompletableFuture.completedFuture(null);
    }
    try {
      return entity.withSizeLimit(declared).discardBytes(materializer).completionStage()
          .handle((done, alreadyReadOrCut) -> null);
    } catch (RuntimeException alreadyRead) {
      return CompletableFuture.completedFuture(null);
    }
  }
}
