package org.adcs.mdm.market;

import java.time.LocalDate;
import java.util.List;

/** A party's data as it is now, whenever it was posted: what a resend holds (R-VEE-3). Calls block. */
public interface CurrentData {

  /** The service points whose billing agent {@code party} is on some day from {@code from} to {@code to} (excl.). */
  List<String> servicePoints(String party, LocalDate from, LocalDate to);

  /** The newest version of each validated day of {@code servicePoint} from {@code from} to {@code to} (exclusive). */
  List<MarketDay> current(String party, String servicePoint, LocalDate from, LocalDate to);
}
