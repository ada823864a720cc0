package org.adcs.mdm.specialread;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Resend requests (R-VEE-3): by file name, transaction number, posting date or period, always for
 * whole billing periods. A period request must start and end on billing period boundaries; the
 * others resend every billing period their postings touch, whole.
 */
public final class Resend {

  private Resend() {}

  /** What the recipient asks to have sent again. */
  public sealed interface Request {}

  public record ByFileName(String fileName) implements Request {}

  public record ByTransaction(String transaction) implements Request {}

  public record ByPostingDate(LocalDate postingDate) implements Request {}

  /** From inclusive, to exclusive. */
  public record ByPeriod(LocalDate from, LocalDate to) implements Request {}

  /** One posting of a service point's data: the file and transaction that carried it and its period. */
  public record Posting(String sdpId, String fileName, String transaction, LocalDate postingDate, LocalDate from,
      LocalDate to) {}

  /** A billing period of a service point: from inclusive, to exclusive. */
  public record BillingPeriod(LocalDate from, LocalDate to) {

    boolean overlaps(LocalDate start, LocalDate end) {
      return from.isBefore(end) && start.isBefore(to);
    }
  }

  /** The billing periods to resend, or why the request cannot be served. */
  public sealed interface Outcome {}

  public record Periods(List<BillingPeriod> periods) implements Outcome {}

  public record Refused(String reason) implements Outcome {}

  /** Consecutive billing periods from sorted boundary dates (each period runs to the next boundary). */
  public static List<BillingPeriod> periods(List<LocalDate> boundaries) {
    List<LocalDate> sorted = boundaries.stream().distinct().sorted().toList();
    List<BillingPeriod> periods = new ArrayList<>();
    for (int i = 1; i < sorted.size(); i++) {
      periods.add(new BillingPeriod(sorted.get(i - 1), sorted.get(i)));
    }
    return periods;
  }

  public static Outcome resolve(Request request, List<Posting> postings, List<BillingPeriod> billing) {
    Objects.requireNonNull(request, "request");
    if (request instanceof ByPeriod p) {
      return byPeriod(p, billing);
    }
    if (request instanceof ByFileName f) {
      return byPostings("file name " + f.fileName(), p -> p.fileName().equals(f.fileName()), postings, billing);
    }
    if (request instanceof ByTransaction t) {
      return byPostings("transaction number " + t.transaction(), p -> p.transaction().equals(t.transaction()),
          postings, billing);
    }
    ByPostingDate d = (ByPostingDate) request;
    return byPostings("posting date " + d.postingDate(), p -> p.postingDate().equals(d.postingDate()), postings,
        billing);
  }

  private static Outcome byPeriod(ByPeriod p, List<BillingPeriod> billing) {
    if (!p.to().isAfter(p.from())) {
      return new Refused("period end " + p.to() + " must be after its start " + p.from());
    }
    List<BillingPeriod> touched = billing.stream().filter(b -> b.overlaps(p.from(), p.to())).toList();
    if (touched.isEmpty()) {
      return new Refused("no billing period lies within " + p.from() + " to " + p.to());
    }
    BillingPeriod first = touched.get(0);
    BillingPeriod last = touched.get(touched.size() - 1);
    if (!first.from().equals(p.from()) || !last.to().equals(p.to())) {
      return new Refused("resends cover whole billing periods only: " + p.from() + " to " + p.to()
          + " cuts billing period" + (first.from().equals(p.from()) ? " " + last.from() + " to " + last.to()
          : " " + first.from() + " to " + first.to()));
    }
    return new Periods(touched);
  }

  private static Outcome byPostings(String what, Predicate<Posting> matches, List<Posting> postings,
      List<BillingPeriod> billing) {
    List<Posting> found = postings.stream().filter(matches).toList();
    if (found.isEmpty()) {
      return new Refused("no posting with " + what);
    }
    List<BillingPeriod> touched = billing.stream()
        .filter(b -> found.stream().anyMatch(p -> b.overlaps(p.from(), p.to()))).toList();
    if (touched.isEmpty()) {
      return new Refused("the postings with " + what + " lie outside every billing period");
    }
    return new Periods(touched);
  }
}
