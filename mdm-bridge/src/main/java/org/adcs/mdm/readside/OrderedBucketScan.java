package org.adcs.mdm.readside;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.adcs.mdm.store.BoundedSession;

/**
 * Pages through rows kept in hash buckets (so no partition grows with the fleet) in one global meter
 * id order: each page asks every bucket for its next few rows after the cursor and merges them.
 * A bucket that returned as many rows as asked may hold more below the others' keys, so the page
 * stops before the smallest such bucket's last key; rows of one meter are never split over pages.
 *
 * @param <T> the row type
 */
final class OrderedBucketScan<T> {

  private final BoundedSession db;
  private final int buckets;
  private final BiFunction<Integer, String, Statement<?>> query;
  private final Function<Row, T> read;
  private final Function<T, String> meterIdOf;

  /**
   * @param query a statement for (bucket, after) that selects the bucket's rows with meter id greater
   *     than {@code after}, in meter id order, limited to {@link #perBucketLimit} rows
   */
  OrderedBucketScan(BoundedSession db, int buckets, BiFunction<Integer, String, Statement<?>> query, Function<Row, T> read,
      Function<T, String> meterIdOf) {
    this.db = db;
    this.buckets = buckets;
    this.query = query;
    this.read = read;
    this.meterIdOf = meterIdOf;
  }

  /** Rows asked of each bucket for a page of {@code limit}: a share with headroom for uneven buckets. */
  static int perBucketLimit(int limit, int buckets) {
    return Math.min(limit + 16, (int) Math.ceil(limit * 1.25 / buckets) + 16);
  }

  CompletionStage<KeyPage<T>> page(Optional<String> after, int limit) {
    String from = after.orElse("");
    List<Integer> all = new ArrayList<>(buckets);
    for (int b = 0; b < buckets; b++) {
      all.add(b);
    }
    int asked = perBucketLimit(limit, buckets);
    return BoundedFanOut.map(all, Math.min(buckets, 16), b -> db.executeAsync(query.apply(b, from))
            .thenApply(rs -> rowsOf(rs)))
        .thenApply(perBucket -> merge(perBucket, asked, limit));
  }

  private List<T> rowsOf(AsyncResultSet rs) {
    // The statement's LIMIT is below the driver's page size, so the first page is the whole answer.
    List<T> rows = new ArrayList<>();
    for (Row row : rs.currentPage()) {
      rows.add(read.apply(row));
    }
    return rows;
  }

  private KeyPage<T> merge(List<List<T>> perBucket, int asked, int limit) {
    String cap = null;
    List<T> merged = new ArrayList<>();
    for (List<T> rows : perBucket) {
      merged.addAll(rows);
      if (rows.size() >= asked) {
        String last = meterIdOf.apply(rows.get(rows.size() - 1));
        cap = cap == null || last.compareTo(cap) < 0 ? last : cap;
      }
    }
    merged.sort(Comparator.comparing(meterIdOf));
    boolean more = cap != null;
    List<T> page = new ArrayList<>();
    for (int i = 0; i < merged.size(); i++) {
      T row = merged.get(i);
      String id = meterIdOf.apply(row);
      if (cap != null && id.compareTo(cap) >= 0) {
        break;
      }
      if (page.size() >= limit && !id.equals(meterIdOf.apply(page.get(page.size() - 1)))) {
        more = true;
        break;
      }
      page.add(row);
    }
    if (page.isEmpty() && more) {
      throw new IllegalStateException("a bucket holds more than " + asked + " rows for one meter; paging cannot advance");
    }
    return new KeyPage<>(page, more ? Optional.of(meterIdOf.apply(page.get(page.size() - 1))) : Optional.empty());
  }
}
