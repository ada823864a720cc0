package org.adcs.headend.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The head-end's operational metrics (issue 11, "Operations"), in the process's Prometheus registry
 * and served at {@code /metrics}: meters connected, pushes and reads by outcome, queue depths at the
 * meter port, journal latencies. Metrics are process-wide (the registry is); a gauge that reads a
 * running part (the meter port's connections, its queues) sums the parts that are {@link #track
 * tracked}, so a node's parts register on start and leave on close.
 */
public final class HeadEndMetrics {

  private static final PrometheusRegistry REGISTRY = PrometheusRegistry.defaultRegistry;

  /** Pushes by outcome: stored, repeat (nothing new), not_stored (not acknowledged: the meter sends it again), ignored. */
  public static final Counter PUSHES = Counter.builder().name("adcs_meter_pushes_total")
      .help("Meter pushes by outcome (R-COL-1: a push is acknowledged only once stored)").labelNames("outcome")
      .register(REGISTRY);

  /** From a decoded push to its intervals and events persisted in the journal by the meter's entity. */
  public static final Histogram PUSH_STORE = Histogram.builder().name("adcs_meter_push_store_seconds").unit(Unit.SECONDS)
      .help("Time from a decoded push to its persistence in the journal by the meter entity")
      .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30).classicOnly().register(REGISTRY);

  /** Range reads by source (ON_DEMAND, RECOVERY, FIELD ...) and outcome: ok, retried (attempt 1 failed), failed. */
  public static final Counter READS = Counter.builder().name("adcs_meter_reads_total")
      .help("Meter reads by source and outcome").labelNames("source", "outcome").register(REGISTRY);

  /** The journal's queries for the projections (the MDM bridge and the scheduler's read side). */
  public static final Histogram JOURNAL_QUERY = Histogram.builder().name("adcs_journal_query_seconds").unit(Unit.SECONDS)
      .help("Journal queries of the projections (tagged events after an offset)")
      .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1).classicOnly().register(REGISTRY);

  /** Events the projections' journal reader delivered after moving past their ordering: they committed late. */
  public static final Counter LATE_EVENTS = Counter.builder().name("adcs_journal_late_events_total")
      .help("Journal events committed after the projections' reader had moved past their ordering, delivered"
          + " when found (counted by each projection slice that delivers one)")
      .register(REGISTRY);

  /** Missing journal orderings the reader stopped awaiting (adcs.journal.late-commits.give-up-after). */
  public static final Counter GAPS_GIVEN_UP = Counter.builder().name("adcs_journal_gaps_given_up_total")
      .help("Missing journal orderings given up as never committed (rolled back or deleted), counted by each"
          + " projection slice that awaited one")
      .register(REGISTRY);

  private static final Map<String, List<LongSupplier>> TRACKED = new ConcurrentHashMap<>();

  static {
    gauge("adcs_meters_connected", "Meters connected to this node's meter port and identified");
    gauge("adcs_meter_port_identifying_waiting", "Connections waiting to be identified (admission at the meter port)");
    gauge("adcs_meter_port_identifying_in_flight", "Connections being identified");
    gauge("adcs_meter_port_pushes_waiting", "Pushes waiting to be stored (admission at the meter port)");
    gauge("adcs_meter_port_pushes_in_flight", "Pushes being stored and acknowledged");
    gauge("adcs_meter_port_push_decoding_queued", "Pushes queued for decoding");
  }

  private HeadEndMetrics() {}

  private static void gauge(String name, String help) {
    List<LongSupplier> parts = new CopyOnWriteArrayList<>();
    TRACKED.put(name, parts);
    GaugeWithCallback.builder().name(name).help(help)
        .callback(callback -> callback.call(parts.stream().mapToLong(LongSupplier::getAsLong).sum()))
        .register(REGISTRY);
  }

  /**
   * Adds a running part's value to a gauge until the returned handle is closed.
   *
   * @param gauge one of the gauges above, e.g. {@code adcs_meters_connected}
   */
  public static AutoCloseable track(String gauge, LongSupplier value) {
    List<LongSupplier> parts = TRACKED.get(gauge);
    if (parts == null) {
      throw new IllegalArgumentException("no gauge " + gauge + "; known: " + TRACKED.keySet());
    }
    parts.add(value);
    return () -> parts.remove(value);
  }
}
