package org.adcs.scheduler.trouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.adcs.scheduler.completeness.DaySet;
import org.junit.jupiter.api.Test;

class TroubleReportPolicyTest {

  private static final LocalDate YESTERDAY = LocalDate.of(2026, 4, 1);
  private final TroubleReportPolicy policy = TroubleReportPolicy.DEFAULT;

  private static DaySet missing(int... offsets) {
    DaySet days = DaySet.all(YESTERDAY, 45);
    for (int offset : offsets) {
      days = days.without(YESTERDAY.minusDays(offset));
    }
    return days;
  }

  @Test
  void the_three_most_recent_days_missing_open_a_report_R_MIS_4() {
    assertEquals(Optional.of(TroubleReason.RECENT_DAYS_MISSING), policy.evaluate(missing(0, 1, 2)));
  }

  @Test
  void two_recent_days_missing_are_not_yet_trouble() {
    assertTrue(policy.evaluate(missing(0, 1)).isEmpty());
    assertTrue(policy.evaluate(missing(1, 2, 3)).isEmpty(), "yesterday came in: the streak is broken");
  }

  @Test
  void five_non_consecutive_days_missing_open_a_report_four_do_not_R_MIS_4() {
    assertEquals(Optional.of(TroubleReason.DAYS_MISSING_IN_WINDOW), policy.evaluate(missing(1, 4, 9, 20, 40)));
    assertTrue(policy.evaluate(missing(1, 4, 9, 20)).isEmpty());
  }

  @Test
  void invalid_thresholds_are_refused_with_the_reason() {
    var error = assertThrows(IllegalArgumentException.class, () -> new TroubleReportPolicy(0, 5));
    assertTrue(error.getMessage().contains("recent missing days"));
    assertThrows(IllegalArgumentException.class, () -> new TroubleReportPolicy(3, 65));
  }
}
