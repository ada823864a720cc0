package org.adcs.mdm.readside;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of rows in meter id order and the meter id to continue after, empty on the last page. */
public record KeyPage<T>(List<T> rows, Optional<String> continueAfter) {

  public KeyPage {
    rows = List.copyOf(rows);
    Objects.requireNonNull(continueAfter, "continueAfter");
  }
}
