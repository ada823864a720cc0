package org.adcs.mdm.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.specialread.AdjustmentReason;

/**
 * Up to 12 months of a customer's usage at a site (R-MD-3): per channel the interval data, monthly
 * totals and the opening and closing reads, in the channel's unit. A reactive channel names the
 * active channel it belongs to. An unmetered point's usage is its fixed quantity, flagged with the
 * {@code unmetered} reason.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record UsageHistory(String sdpId, String account, LocalDate from, LocalDate to, boolean unmetered,
    List<ChannelUsage> channels) {

  public UsageHistory {
    channels = List.copyOf(channels);
  }

  public record ChannelUsage(Channel channel, Optional<Channel> kwhChannel, List<MonthTotal> months,
      Optional<Read> opening, Optional<Read> closing, List<DayIntervals> intervals) {

    public ChannelUsage {
      months = List.copyOf(months);
      intervals = List.copyOf(intervals);
    }
  }

  /**
   * @param days      days of the month with data (or fixed usage) in the window
   * @param demand    the highest billable interval's mean rate (W for a Wh channel, var for varh); empty
   *                  for fixed usage
   * @param estimated whether any of it was estimated
   * @param reason    for fixed usage: why it is not measured
   */
  public record MonthTotal(YearMonth month, BigDecimal total, int days, Optional<BigDecimal> demand,
      boolean estimated, Optional<AdjustmentReason> reason) {}

  /** A cumulative register reading of the meter serving the point, in the meter's standard time. */
  public record Read(String meter, LocalDateTime at, BigDecimal value) {}

  /** A day's intervals with each one's status code (VAL, EST, NV, NVE). */
  public record DayIntervals(String meter, LocalDate day, int intervalMinutes, List<BigDecimal> values,
      List<String> status) {

    public DayIntervals {
      values = List.copyOf(values);
      status = List.copyOf(status);
    }
  }
}
