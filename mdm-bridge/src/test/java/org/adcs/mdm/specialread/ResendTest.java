package org.adcs.mdm.specialread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.adcs.mdm.specialread.Resend.BillingPeriod;
import org.adcs.mdm.specialread.Resend.Posting;
import org.junit.jupiter.api.Test;

/** Resends are for whole billing periods only (R-VEE-3). */
class ResendTest {

  static final LocalDate JAN5 = LocalDate.of(2026, 1, 5);
  static final LocalDate FEB4 = LocalDate.of(2026, 2, 4);
  static final LocalDate MAR6 = LocalDate.of(2026, 3, 6);
  static final LocalDate APR5 = LocalDate.of(2026, 4, 5);
  static final List<BillingPeriod> BILLING = Resend.periods(List.of(MAR6, JAN5, FEB4, APR5, FEB4));
  static final List<Posting> POSTINGS = List.of(
      new Posting("SDP-1", "202602050600.dat", "T-100", LocalDate.of(2026, 2, 5), JAN5, FEB4),
      new Posting("SDP-1", "202603070600.dat", "T-101", LocalDate.of(2026, 3, 7), FEB4, LocalDate.of(2026, 2, 20)),
      new Posting("SDP-1", "202603070600.dat", "T-102", LocalDate.of(2026, 3, 7), LocalDate.of(2026, 2, 20), MAR6));

  @Test
  void billingPeriodsRunFromBoundaryToBoundary() {
    assertEquals(List.of(new BillingPeriod(JAN5, FEB4), new BillingPeriod(FEB4, MAR6), new BillingPeriod(MAR6, APR5)),
        BILLING);
  }

  @Test
  void aPeriodRequestMustCoverWholeBillingPeriods() {
    assertEquals(new Resend.Periods(BILLING.subList(0, 2)),
        Resend.resolve(new Resend.ByPeriod(JAN5, MAR6), POSTINGS, BILLING));
    assertEquals(new Resend.Refused("resends cover whole billing periods only: 2026-01-05 to 2026-02-20 cuts billing"
        + " period 2026-02-04 to 2026-03-06"), Resend.resolve(new Resend.ByPeriod(JAN5, LocalDate.of(2026, 2, 20)),
        POSTINGS, BILLING));
    assertEquals(new Resend.Refused("resends cover whole billing periods only: 2026-01-10 to 2026-02-04 cuts billing"
        + " period 2026-01-05 to 2026-02-04"), Resend.resolve(new Resend.ByPeriod(LocalDate.of(2026, 1, 10), FEB4),
        POSTINGS, BILLING));
    assertEquals(new Resend.Refused("period end 2026-01-05 must be after its start 2026-02-04"),
        Resend.resolve(new Resend.ByPeriod(FEB4, JAN5), POSTINGS, BILLING));
    assertEquals(new Resend.Refused("no billing period lies within 2025-01-01 to 2025-02-01"),
        Resend.resolve(new Resend.ByPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1)), POSTINGS, BILLING));
  }

  @Test
  void fileTransactionAndPostingDateResendTheWholeBillingPeriodsTheirPostingsTouch() {
    assertEquals(new Resend.Periods(List.of(BILLING.get(1))),
        Resend.resolve(new Resend.ByTransaction("T-101"), POSTINGS, BILLING));
    assertEquals(new Resend.Periods(List.of(BILLING.get(1))),
        Resend.resolve(new Resend.ByFileName("202603070600.dat"), POSTINGS, BILLING));
    assertEquals(new Resend.Periods(List.of(BILLING.get(0))),
        Resend.resolve(new Resend.ByPostingDate(LocalDate.of(2026, 2, 5)), POSTINGS, BILLING));
    assertEquals(new Resend.Refused("no posting with transaction number T-999"),
        Resend.resolve(new Resend.ByTransaction("T-999"), POSTINGS, BILLING));
  }
}
