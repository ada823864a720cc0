package org.adcs.mdm.report;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * Server availability as the nodes record it (R-OPS-5): each head-end node writes one row for every
 * minute it is up (UTC day partitions, at most 1,440 minutes a node a day); a minute with any node's
 * row counts as up. Nothing else records uptime, so this is the report's source.
 */
public final class UptimeStore {

  private final BoundedSession db;
  private final PreparedStatement up;
  private final PreparedStatement minutes;

  public UptimeStore(BoundedSession db, String keyspace) {
    this.db = db;
    up = db.session().prepare("INSERT INTO " + keyspace + ".node_uptime (day, minute, node) VALUES (?,?,?)");
    minutes = db.session().prepare("SELECT minute FROM " + keyspace + ".node_uptime WHERE day = ? AND minute >= ? AND minute < ?");
  }

  /** Records that {@code node} is up in the minute of {@code at}; idempotent. */
  public CompletionStage<Void> up(String node, Instant at) {
    long epochMinute = Math.floorDiv(at.getEpochSecond(), 60);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMinute, 1440));
    return db.executeAsync(up.bind(day, (int) Math.floorMod(epochMinute, 1440), node).setIdempotent(true)).thenApply(rs -> null);
  }

  /** Availability over [from, to), counted up to {@code now}. */
  public CompletionStage<Availability> availability(Instant from, Instant to, Instant now) {
    long observed = Availability.observedMinutes(from, to, now);
    if (observed == 0) {
      return CompletableFuture.completedFuture(new Availability(from, to, 0, 0));
    }
    long first = Math.floorDiv(from.getEpochSecond(), 60);
    long end = first + observed;
    List<CompletionStage<Integer>> perDay = new ArrayList<>();
    for (long dayStart = Math.floorDiv(first, 1440) * 1440; dayStart < end; dayStart += 1440) {
      LocalDate day = LocalDate.ofEpochDay(dayStart / 1440);
      int lo = (int) Math.max(0, first - dayStart);
      int hi = (int) Math.min(1440, end - dayStart);
      perDay.add(db.executeAsync(minutes.bind(day, lo, hi)).thenCompose(rs -> distinct(rs, new HashSet<>())));
    }
    CompletableFuture<?>[] all = perDay.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all).thenApply(done -> new Availability(from, to, observed,
        perDay.stream().mapToLong(s -> s.toCompletableFuture().join()).sum()));
  }

  private static CompletionStage<Integer> distinct(AsyncResultSet rs, Set<Integer> seen) {
    for (Row row : rs.currentPage()) {
      seen.add(row.getInt(0));
    }
    return rs.hasMorePages() ? rs.fetchNextPage().thenCompose(next -> distinct(next, seen))
        : CompletableFuture.completedFuture(seen.size());
  }
}
