package org.adcs.mdm.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.specialread.Resend;

/** Delivery cursors and the record of every delivered file. Calls block. */
public interface MarketStore {

  Optional<DeliveryCursor> cursor(String party);

  void saveCursor(DeliveryCursor cursor);

  void record(DeliveryRecord delivery);

  /** The party's deliveries for days {@code from} to {@code to}, both inclusive, oldest first. */
  List<DeliveryRecord> deliveries(String party, LocalDate from, LocalDate to);

  /** Most postings one party's day may hold (one per service point and file). */
  int MAX_POSTINGS_A_DAY = 50_000;

  /** Records what a file delivered to {@code party} posted (R-VEE-3). */
  void recordPostings(String party, List<Resend.Posting> postings);

  /** The party's postings of one posting date; refuses more than {@link #MAX_POSTINGS_A_DAY}. */
  List<Resend.Posting> postings(String party, LocalDate postingDate);

  void saveResend(ResendRecord resend);

  Optional<ResendRecord> resend(UUID id);
}
