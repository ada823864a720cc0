package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The validated days a party may receive that were posted in a window. Calls block. */
public interface PostedData {

  /**
   * @param lastDay the file's day: days after it are not delivered yet
   * @param after   posting time, exclusive
   * @param upTo    posting time, inclusive
   */
  List<MarketDay> posted(String party, LocalDate lastDay, Instant after, Instant upTo);
}
