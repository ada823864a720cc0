package org.adcs.scheduler.readside;

import java.util.Optional;

/** The next page after {@code after} (exclusive; empty for the first page), at most {@code limit} rows. */
public record PageRequest(Optional<String> after, int limit) {

  public static final int MAX_LIMIT = 10_000;

  public PageRequest {
    if (after == null) {
      throw new IllegalArgumentException("after must be present or empty, not null");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("page limit must be 1.." + MAX_LIMIT + ", was " + limit);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }

  public PageRequest next(String lastKey) {
    return new PageRequest(Optional.of(lastKey), limit);
  }
}
