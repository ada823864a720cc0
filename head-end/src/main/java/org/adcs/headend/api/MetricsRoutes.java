package org.adcs.headend.api;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics}: the process's Prometheus metrics in the text format (issue 11): the head-end's
 * and the MDM bridge's own (adcs_*) and the JVM's (jvm_*). Open like the probes and not audited: a
 * scraper calls it every few seconds and it carries counts, never meter data.
 */
public final class MetricsRoutes extends AllDirectives {

  private final PrometheusRegistry registry = PrometheusRegistry.defaultRegistry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public MetricsRoutes() {
    JvmMetrics.builder().register(registry); // once per registry: later calls do nothing
  }

  public Route routes() {
    return path("metrics", () -> get(() -> extractExecutionContext(ec -> completeWithFuture(
        java.util.concurrent.CompletableFuture.supplyAsync(this::scrape, ec)))));
  }

  private HttpResponse scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(
        ContentTypes.parse(PrometheusTextFormatWriter.CONTENT_TYPE), out.toByteArray()));
  }
}
