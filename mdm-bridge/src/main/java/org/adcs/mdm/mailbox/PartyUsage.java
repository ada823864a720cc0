package org.adcs.mdm.mailbox;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * Each party's use of the meter network (R-DAT-4): on-demand reads per day (UTC), counted in the
 * store so every node of the cluster sees the same figure.
 */
public final class PartyUsage {

  private final BoundedSession db;
  private final PreparedStatement increment;
  private final PreparedStatement selectDay;
  private final PreparedStatement selectSince;

  public PartyUsage(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    increment = s.prepare("UPDATE " + ks + "party_usage SET on_demand_reads = on_demand_reads + 1"
        + " WHERE party = ? AND day = ?");
    selectDay = s.prepare("SELECT on_demand_reads FROM " + ks + "party_usage WHERE party = ? AND day = ?");
    selectSince = s.prepare("SELECT day, on_demand_reads FROM " + ks + "party_usage WHERE party = ? AND day >= ?");
  }

  /** Counts one on-demand read (not idempotent: a counter; the driver does not retry it). */
  public CompletionStage<Void> countRead(String party, LocalDate day) {
    return db.executeAsync(increment.bind(party, day)).thenApply(rs -> null);
  }

  public CompletionStage<Long> reads(String party, LocalDate day) {
    return db.executeAsync(selectDay.bind(party, day)).thenApply(rs -> {
      Row row = rs.one();
      return row == null ? 0L : row.getLong(0);
    });
  }

  /** Reads per day from {@code since} on, newest first. */
  public CompletionStage<Map<LocalDate, Long>> readsSince(String party, LocalDate since) {
    return db.executeAsync(selectSince.bind(party, since)).thenApply(rs -> {
      Map<LocalDate, Long> days = new LinkedHashMap<>();
      for (Row row : rs.currentPage()) {
        days.put(row.getLocalDate(0), row.getLong(1));
      }
      return days;
    });
  }
}
