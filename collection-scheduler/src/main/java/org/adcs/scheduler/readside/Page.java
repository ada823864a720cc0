package org.adcs.scheduler.readside;

import java.util.List;
import java.util.Optional;

/** One page of rows and the key to continue after, empty on the last page. */
public record Page<T>(List<T> rows, Optional<String> continueAfter) {

  public Page {
    rows = List.copyOf(rows);
    if (continueAfter == null) {
      throw new IllegalArgumentException("continueAfter must be present or empty, not null");
    }
  }

  public boolean isLast() {
    return continueAfter.isEmpty();
  }
}
