package org.adcs.mdm.mailbox;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/** Extract definitions, kept so periodic extracts survive restarts and move with the node that runs them. */
public final class ExtractStore {

  private final BoundedSession db;
  private final PreparedStatement insert;
  private final PreparedStatement selectOne;
  private final PreparedStatement selectAll;
  private final PreparedStatement delete;

  public ExtractStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    insert = s.prepare("INSERT INTO " + ks + "extracts (id, party, schedule, kind, format, zone, meters, channels,"
        + " period_from, period_to, next_run, created_at, runs, last_run, last_file, last_error)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    selectOne = s.prepare("SELECT * FROM " + ks + "extracts WHERE id = ?");
    selectAll = s.prepare("SELECT * FROM " + ks + "extracts");
    delete = s.prepare("DELETE FROM " + ks + "extracts WHERE id = ?");
  }

  public CompletionStage<Extract> save(Extract e) {
    return db.executeAsync(insert.bind(e.id(), e.party(), e.schedule().name(), e.kind(), e.format(), e.zone(),
        e.meters(), e.channels(), e.from().orElse(null), e.to().orElse(null), e.nextRun().orElse(null), e.createdAt(),
        e.runs(), e.lastRun().orElse(null), e.lastFile().orElse(null), e.lastError().orElse(null))
        .setIdempotent(true)).thenApply(rs -> e);
  }

  public CompletionStage<Optional<Extract>> find(UUID id) {
    return db.executeAsync(selectOne.bind(id)).thenApply(rs -> Optional.ofNullable(rs.one()).map(ExtractStore::extract));
  }

  public CompletionStage<Boolean> delete(UUID id) {
    return db.executeAsync(delete.bind(id).setIdempotent(true)).thenApply(rs -> true);
  }

  /** Every extract, all pages. */
  public CompletionStage<List<Extract>> all() {
    List<Extract> result = new ArrayList<>();
    return db.executeAsync(selectAll.bind().setPageSize(500)).thenCompose(rs -> collect(rs, result));
  }

  private static CompletionStage<List<Extract>> collect(AsyncResultSet rs, List<Extract> into) {
    for (Row row : rs.currentPage()) {
      into.add(extract(row));
    }
    return rs.hasMorePages() ? rs.fetchNextPage().thenCompose(next -> collect(next, into))
        : CompletableFuture.completedFuture(into);
  }

  private static Extract extract(Row row) {
    return new Extract(row.getUuid("id"), row.getString("party"), Extract.Schedule.valueOf(row.getString("schedule")),
        row.getString("kind"), row.getString("format"), row.getString("zone"), row.getList("meters", String.class),
        row.getList("channels", String.class), Optional.ofNullable(row.getLocalDate("period_from")),
        Optional.ofNullable(row.getLocalDate("period_to")), Optional.ofNullable(row.getInstant("next_run")),
        row.getInstant("created_at"), row.getInt("runs"), Optional.ofNullable(row.getInstant("last_run")),
        Optional.ofNullable(row.getUuid("last_file")), Optional.ofNullable(row.getString("last_error")));
  }
}
