package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;

/** Validated days for the market tests: 15-minute values in Wh with three decimals. */
final class MarketDays {

  private MarketDays() {}

  /**
   * Interval i holds ((i + 1) * 10 + 5) thousandths of a Wh; intervals 10 and 11 are
   * linear estimates of a gap, 20 a changed actual, 30 needs verification (a spike).
   */
  /** A register read of active import in Wh with three decimals, received at {@code receivedAt}. */
  static RegisterRead register(String meter, LocalDateTime at, long value, Instant receivedAt) {
    return new RegisterRead(new MeterId(meter), Channel.ACTIVE_IMPORT, at, value, -3, ReadingSource.SCHEDULED,
        receivedAt, 1);
  }

  static ValidatedDay day(String meter, LocalDate day, Instant postedAt) {
    int n = 96;
    long[] values = new long[n];
    IntervalStatus[] status = new IntervalStatus[n];
    int[] flags = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = (i + 1) * 10L + 5;
      status[i] = IntervalStatus.VALID;
    }
    for (int i : new int[] {10, 11}) {
      status[i] = IntervalStatus.ESTIMATED;
      flags[i] = VeeFlag.GAP.bit() | VeeFlag.ESTIMATED_LINEAR.bit();
    }
    flags[20] = VeeFlag.CHANGED.bit();
    status[30] = IntervalStatus.NEEDS_VERIFY;
    flags[30] = VeeFlag.SPIKE.bit();
    return new ValidatedDay(new MeterId(meter), Channel.ACTIVE_IMPORT, day, 15, -3, values, status, flags,
        ReadingSource.SCHEDULED, postedAt.minusSeconds(600), postedAt, 2);
  }
}
