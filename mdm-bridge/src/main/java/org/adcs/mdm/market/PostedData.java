package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The validated days a party may receive that were posted in a window. Calls block. */
public interface PostedData {

  /**
   * @param throughDay the newest meter day that can hold data posted by {@code upTo}
   * @param after      posting time, exclusive
   * @param upTo       posting time, inclusive
   */
  List<MarketDay> posted(String party, LocalDate throughDay, Instant after, Instant upTo);
}
