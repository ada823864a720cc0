package org.adcs.mdm.report;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.readside.BoundedFanOut;
import org.adcs.mdm.store.BoundedSession;
import org.adcs.mdm.store.CompletenessStore;

/**
 * Folds a period's completeness rows (one per meter, channel and day; never the interval data) into a
 * {@link DeliveryTally}: bucket by bucket, a few buckets at a time, each bucket's days paged through
 * by the driver, so memory holds one page and the meter ids of the buckets in progress.
 */
public final class DeliveryScan {

  /** Buckets scanned at once. */
  static final int PARALLEL_BUCKETS = 4;
  static final int PAGE_ROWS = 5_000;

  private final BoundedSession db;
  private final PreparedStatement dayBucket;

  public DeliveryScan(BoundedSession db, String keyspace) {
    this.db = db;
    List<String> columns = new ArrayList<>(List.of("meter_id", "channel", "expected", "actual", "estimated"));
    for (int k = 0; k < Arrival.DEADLINE_DAYS.size(); k++) {
      columns.add(Arrival.column(k));
    }
    dayBucket = db.session().prepare("SELECT " + String.join(", ", columns) + " FROM " + keyspace
        + ".completeness_by_day WHERE day = ? AND bucket = ?");
  }

  /** The tally of the days {@code from} to {@code to}, both included. */
  public CompletionStage<DeliveryTally> tally(LocalDate from, LocalDate to) {
    List<Integer> buckets = new ArrayList<>();
    for (int b = 0; b < CompletenessStore.BUCKETS; b++) {
      buckets.add(b);
    }
    return BoundedFanOut.map(buckets, PARALLEL_BUCKETS, b -> bucket(b, from, to)).thenApply(perBucket -> {
      DeliveryTally total = new DeliveryTally();
      perBucket.forEach(total::merge);
      return total;
    });
  }

  private CompletionStage<DeliveryTally> bucket(int bucket, LocalDate from, LocalDate to) {
    DeliveryTally tally = new DeliveryTally();
    CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      LocalDate d = day;
      chain = chain.thenCompose(done -> db.executeAsync(dayBucket.bind(d, bucket).setPageSize(PAGE_ROWS))
          .thenCompose(rs -> fold(rs, d, tally)));
    }
    return chain.thenApply(done -> tally);
  }

  private CompletionStage<Void> fold(AsyncResultSet rs, LocalDate day, DeliveryTally tally) {
    for (Row row : rs.currentPage()) {
      tally.add(read(row, day));
    }
    return rs.hasMorePages() ? rs.fetchNextPage().thenCompose(next -> fold(next, day, tally))
        : CompletableFuture.completedFuture(null);
  }

  private static DeliveryRow read(Row row, LocalDate day) {
    int[] readBy = new int[Arrival.DEADLINE_DAYS.size()];
    for (int k = 0; k < readBy.length; k++) {
      // Null: the day's first data came after this deadline.
      readBy[k] = row.isNull(5 + k) ? 0 : row.getInt(5 + k);
    }
    return new DeliveryRow(day, row.getString(0), row.getString(1), row.getInt(2), row.getInt(3), row.getInt(4), readBy);
  }
}
