package org.adcs.mdm.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.adcs.mdm.vee.IntervalStatus;

/**
 * One daily file put in a party's mailbox, with what it holds: the facts behind the reports of
 * scheduled against actual delivery and of estimated usage (R-MD-5, R-VEE-4).
 *
 * @param channelDays    meter channel days in the file
 * @param usage          billable usage delivered (VAL, EST and NV intervals; register days' usage)
 * @param estimatedUsage the part of {@code usage} that was estimated
 */
public record DeliveryRecord(String party, LocalDate day, Instant scheduledAt, Instant deliveredAt, UUID fileId,
    String fileName, MarketFormat format, int channelDays, long intervals, long estimatedIntervals, BigDecimal usage,
    BigDecimal estimatedUsage) {

  /** The tallies of a file about to be delivered. */
  public static DeliveryRecord of(String party, LocalDate day, Instant scheduledAt, Instant deliveredAt, UUID fileId,
      String fileName, MarketFormat format, List<MarketDay> days) {
    long intervals = 0;
    long estimated = 0;
    BigDecimal usage = BigDecimal.ZERO;
    BigDecimal estimatedUsage = BigDecimal.ZERO;
    for (MarketDay d : days) {
      if (d.isRegisterDay()) {
        usage = usage.add(d.registers().orElseThrow().cumulative().usage());
        continue;
      }
      for (int i = 0; i < d.data().intervalCount(); i++) {
        IntervalStatus status = d.data().status(i);
        intervals++;
        if (status.billable()) {
          usage = usage.add(d.value(i));
        }
        if (status == IntervalStatus.ESTIMATED) {
          estimated++;
          estimatedUsage = estimatedUsage.add(d.value(i));
        }
      }
    }
    return new DeliveryRecord(party, day, scheduledAt, deliveredAt, fileId, fileName, format, days.size(), intervals,
        estimated, usage, estimatedUsage);
  }
}
