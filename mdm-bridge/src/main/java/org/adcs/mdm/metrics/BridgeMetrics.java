package org.adcs.mdm.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The MDM bridge's operational metrics (issue 11), in the process's Prometheus registry that the
 * head-end serves at {@code /metrics}: VEE outcomes per interval, the routing lag of events and the
 * latency of the MDM store.
 */
public final class BridgeMetrics {

  private static final PrometheusRegistry REGISTRY = PrometheusRegistry.defaultRegistry;

  /** Validated intervals by status (VAL, EST, NV, NVE: R-VEE-2); estimated over all is R-VEE-4's quality share. */
  public static final Counter VEE_INTERVALS = Counter.builder().name("adcs_vee_intervals_total")
      .help("Intervals validated by the MDM bridge, by VEE status").labelNames("status").register(REGISTRY);

  /** From an event's receipt by the head-end to its queueing for every subscriber and the stream (R-EV-2). */
  public static final Histogram ROUTING_LAG = Histogram.builder().name("adcs_event_routing_lag_seconds").unit(Unit.SECONDS)
      .help("Time from an event's receipt by the head-end to its routing to subscribers and the event stream")
      .classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300).classicOnly().register(REGISTRY);

  /** Every statement the bridge sends the MDM store, by outcome (ok, failed). */
  public static final Histogram CASSANDRA = Histogram.builder().name("adcs_cassandra_request_seconds").unit(Unit.SECONDS)
      .help("MDM store (Cassandra) requests by outcome").labelNames("outcome")
      .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5).classicOnly()
      .register(REGISTRY);

  private BridgeMetrics() {}
}
