package org.adcs.mdm.market;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.specialread.Resend;

/**
 * What a market file posts (R-VEE-3): per service point it carries, the file name, the file's
 * transaction number, the posting date and the period of the days it holds. File names
 * ({@code ccyymmddhhmm...}) and transaction numbers ({@code ccyymmdd-<16 hex>}) both begin with the
 * posting date, so a resend request by either finds its postings by that date.
 */
public final class Postings {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Postings() {}

  /** A new transaction number for a file posted on {@code postingDate}, unique by its 64 random bits. */
  public static String transaction(LocalDate postingDate) {
    return DAY.format(postingDate) + "-" + String.format("%016x", RANDOM.nextLong());
  }

  /** The posting date a file name or transaction number begins with, if it does. */
  public static Optional<LocalDate> postingDate(String fileNameOrTransaction) {
    if (fileNameOrTransaction == null || fileNameOrTransaction.length() < 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(fileNameOrTransaction.substring(0, 8), DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** One posting per service point in {@code days}, covering its first to its last day (end exclusive). */
  public static List<Resend.Posting> of(String fileName, String transaction, LocalDate postingDate,
      List<MarketDay> days) {
    Map<String, LocalDate[]> spans = new LinkedHashMap<>();
    for (MarketDay d : days) {
      LocalDate day = d.day();
      spans.merge(d.servicePoint(), new LocalDate[] {day, day.plusDays(1)}, (a, b) -> new LocalDate[] {
          a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    List<Resend.Posting> postings = new ArrayList<>();
    spans.forEach((sdp, span) -> postings.add(new Resend.Posting(sdp, fileName, transaction, postingDate, span[0],
        span[1])));
    return postings;
  }
}
