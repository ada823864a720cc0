package org.adcs.mdm.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Delivery cursors and the record of every delivered file. Calls block. */
public interface MarketStore {

  Optional<DeliveryCursor> cursor(String party);

  void saveCursor(DeliveryCursor cursor);

  void record(DeliveryRecord delivery);

  /** The party's deliveries for days {@code from} to {@code to}, both inclusive, oldest first. */
  List<DeliveryRecord> deliveries(String party, LocalDate from, LocalDate to);
}
