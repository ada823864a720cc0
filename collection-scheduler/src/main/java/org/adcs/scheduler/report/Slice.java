package org.adcs.scheduler.report;

import java.util.List;
import java.util.OptionalInt;

/**
 * A page of a report's lines: {@code lines} from {@code offset}, {@code total} in all, and the
 * offset of the next page when there is one.
 */
public record Slice<T>(List<T> lines, int offset, int total) {

  public static final int MAX_LIMIT = 10_000;

  public Slice {
    lines = List.copyOf(lines);
  }

  /** Lines {@code offset} to {@code offset + limit} of {@code all}. */
  public static <T> Slice<T> of(List<T> all, int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
    }
    int from = Math.min(offset, all.size());
    return new Slice<>(all.subList(from, Math.min(all.size(), from + limit)), offset, all.size());
  }

  public OptionalInt nextOffset() {
    int next = offset + lines.size();
    return next < total && !lines.isEmpty() ? OptionalInt.of(next) : OptionalInt.empty();
  }
}
