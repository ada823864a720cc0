package org.adcs.mdm.billing;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/** Billing quantity responses by request id and version time, and billing cycles (R-MD-4). */
public final class BillingStore {

  private final BoundedSession db;
  private final PreparedStatement insertResponse;
  private final PreparedStatement responseAsOf;
  private final PreparedStatement insertCycle;
  private final PreparedStatement selectCycles;
  private final PreparedStatement selectCycle;

  public BillingStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    insertResponse = s.prepare("INSERT INTO " + ks + "bq_responses (request_id, version_time, sdp_id, billing_agent,"
        + " body) VALUES (?,?,?,?,?)");
    responseAsOf = s.prepare("SELECT body FROM " + ks + "bq_responses WHERE request_id = ? AND version_time <= ?"
        + " LIMIT 1");
    insertCycle = s.prepare("INSERT INTO " + ks + "billing_cycles (cycle, day_of_month, billing_agent, service_points,"
        + " framing, last_run, updated_at) VALUES (?,?,?,?,?,?,?)");
    selectCycles = s.prepare("SELECT * FROM " + ks + "billing_cycles");
    selectCycle = s.prepare("SELECT * FROM " + ks + "billing_cycles WHERE cycle = ?");
  }

  public CompletionStage<Void> save(BqResponse response) {
    return db.executeAsync(insertResponse.bind(response.requestId(), response.versionTime(), response.sdpId(),
            response.requester(), BqCodec.json(BqCodec.fields(response))).setIdempotent(true))
        .thenApply(rs -> null);
  }

  /** The newest version computed at or before {@code asOf}. */
  public CompletionStage<Optional<BqResponse>> response(String requestId, Instant asOf) {
    return db.executeAsync(responseAsOf.bind(requestId, asOf))
        .thenApply(rs -> Optional.ofNullable(rs.one()).map(row -> BqCodec.read(row.getString("body"))));
  }

  public CompletionStage<Void> save(BillingCycle cycle, Instant updatedAt) {
    return db.executeAsync(insertCycle.bind(cycle.name(), cycle.dayOfMonth(), cycle.billingAgent(),
        cycle.servicePoints(), cycle.framing().wireName(), cycle.lastRun().orElse(null), updatedAt)
        .setIdempotent(true)).thenApply(rs -> null);
  }

  public CompletionStage<Optional<BillingCycle>> cycle(String name) {
    return db.executeAsync(selectCycle.bind(name)).thenApply(rs -> Optional.ofNullable(rs.one()).map(BillingStore::cycle));
  }

  /** Every cycle (a few hundred at most: one per cycle day and billing agent). */
  public CompletionStage<List<BillingCycle>> cycles() {
    return db.executeAsync(selectCycles.bind()).thenApply(rs -> {
      List<BillingCycle> cycles = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        cycles.add(cycle(row));
      }
      return cycles;
    });
  }

  private static BillingCycle cycle(Row row) {
    return new BillingCycle(row.getString("cycle"), row.getInt("day_of_month"), row.getString("billing_agent"),
        row.getList("service_points", String.class), Framing.parse(row.getString("framing")),
        Optional.ofNullable(row.get("last_run", LocalDate.class)));
  }
}
