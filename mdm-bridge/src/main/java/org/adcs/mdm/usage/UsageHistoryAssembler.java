package org.adcs.mdm.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.specialread.AdjustmentReason;
import org.adcs.mdm.usage.UsageHistory.ChannelUsage;
import org.adcs.mdm.usage.UsageHistory.DayIntervals;
import org.adcs.mdm.usage.UsageHistory.MonthTotal;
import org.adcs.mdm.usage.UsageHistory.Read;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Assembles a customer's usage history at a site (R-MD-3): the 12 months before a date, limited to
 * the periods in which the customer's account held the service point, following the point's meters
 * across change-outs. Monthly totals and demand count billable intervals only (VAL, EST, NV).
 */
public final class UsageHistoryAssembler {

  public static final int MONTHS = 12;

  private UsageHistoryAssembler() {}

  /** A stretch of the window in which one meter served the customer at the point. */
  private record Segment(String meter, LocalDate from, LocalDate to, List<String> channels) {}

  /**
   * @param asOf  the history ends before this day
   * @param fixed the point's fixed usage when it is an unmetered load
   * @return empty when the account held the point at no time of the window
   */
  public static Optional<UsageHistory> assemble(ServicePointTimeline timeline, String account, LocalDate asOf,
      Optional<FixedUsage> fixed, UsageSource source, ZoneOffset zone) {
    LocalDate windowFrom = asOf.minusMonths(MONTHS);
    List<Segment> segments = new ArrayList<>();
    for (Period p : timeline.periods()) {
      if (!account.equals(p.state().account())) {
        continue;
      }
      LocalDate from = max(windowFrom, LocalDate.ofInstant(p.from(), zone));
      LocalDate to = p.to().map(t -> LocalDate.ofInstant(t, zone)).map(t -> min(t, asOf)).orElse(asOf);
      if (from.isBefore(to)) {
        segments.add(new Segment(p.state().meter(), from, to, p.state().channels()));
      }
    }
    if (segments.isEmpty()) {
      return Optional.empty();
    }
    LocalDate from = segments.get(0).from();
    LocalDate to = segments.get(segments.size() - 1).to();
    List<ChannelUsage> channels = new ArrayList<>();
    if (fixed.isPresent()) {
      channels.add(fixedUsage(fixed.get(), segments));
    } else {
      Set<String> names = new LinkedHashSet<>();
      segments.forEach(s -> names.addAll(s.channels()));
      for (String name : names) {
        channels.add(metered(ChannelMapping.channel(name), segments, source));
      }
    }
    return Optional.of(new UsageHistory(timeline.sdpId(), account, from, to, fixed.isPresent(), channels));
  }

  private static ChannelUsage fixedUsage(FixedUsage fixed, List<Segment> segments) {
    Map<YearMonth, long[]> months = new TreeMap<>();
    for (Segment s : segments) {
      for (LocalDate d = s.from(); d.isBefore(s.to()); d = d.plusDays(1)) {
        long[] month = months.computeIfAbsent(YearMonth.from(d), m -> new long[2]);
        month[0] += fixed.onDay(d);
        month[1]++;
      }
    }
    List<MonthTotal> totals = new ArrayList<>();
    months.forEach((m, t) -> totals.add(new MonthTotal(m, BigDecimal.valueOf(t[0]), (int) t[1], Optional.empty(),
        false, Optional.of(AdjustmentReason.UNMETERED))));
    return new ChannelUsage(fixed.channel(), ChannelMapping.kwhChannelOf(fixed.channel()), totals, Optional.empty(),
        Optional.empty(), List.of());
  }

  private static ChannelUsage metered(Channel channel, List<Segment> segments, UsageSource source) {
    Map<YearMonth, MonthSum> months = new TreeMap<>();
    List<DayIntervals> intervals = new ArrayList<>();
    for (Segment s : segments) {
      if (!s.channels().contains(channel.name())) {
        continue;
      }
      for (ValidatedDay day : source.days(new MeterId(s.meter()), channel, s.from(), s.to())) {
        List<BigDecimal> values = new ArrayList<>();
        List<String> status = new ArrayList<>();
        BigDecimal billable = BigDecimal.ZERO;
        BigDecimal peak = null;
        boolean estimated = false;
        for (int i = 0; i < day.intervalCount(); i++) {
          BigDecimal value = BigDecimal.valueOf(day.value(i), -day.scale());
          values.add(value);
          status.add(day.status(i).code());
          if (day.status(i).billable()) {
            billable = billable.add(value);
            peak = peak == null || value.compareTo(peak) > 0 ? value : peak;
          }
          estimated |= day.status(i) == IntervalStatus.ESTIMATED;
        }
        intervals.add(new DayIntervals(s.meter(), day.day(), day.intervalMinutes(), values, status));
        Optional<BigDecimal> demand = Optional.ofNullable(peak)
            .map(p -> p.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(day.intervalMinutes()),
                java.math.MathContext.DECIMAL64));
        months.computeIfAbsent(YearMonth.from(day.day()), m -> new MonthSum()).add(billable, demand, estimated);
      }
    }
    List<MonthTotal> totals = new ArrayList<>();
    months.forEach((m, sum) -> totals.add(new MonthTotal(m, sum.total, sum.days, Optional.ofNullable(sum.demand),
        sum.estimated, Optional.empty())));
    Optional<Segment> first = segments.stream().filter(s -> s.channels().contains(channel.name())).findFirst();
    Optional<Segment> last = segments.stream().filter(s -> s.channels().contains(channel.name()))
        .reduce((a, b) -> b);
    Optional<Read> opening = first.flatMap(s -> source.read(new MeterId(s.meter()), channel, s.from().atStartOfDay()))
        .map(UsageHistoryAssembler::read);
    Optional<Read> closing = last.flatMap(s -> source.read(new MeterId(s.meter()), channel, s.to().atStartOfDay()))
        .map(UsageHistoryAssembler::read);
    return new ChannelUsage(channel, ChannelMapping.kwhChannelOf(channel), totals, opening, closing, intervals);
  }

  private static Read read(RegisterRead r) {
    return new Read(r.meter().value(), r.readAt(), BigDecimal.valueOf(r.value(), -r.scale()));
  }

  private static final class MonthSum {
    private BigDecimal total = BigDecimal.ZERO;
    private BigDecimal demand;
    private int days;
    private boolean estimated;

    void add(BigDecimal day, Optional<BigDecimal> dayDemand, boolean anyEstimated) {
      total = total.add(day);
      dayDemand.filter(d -> demand == null || d.compareTo(demand) > 0).ifPresent(d -> demand = d);
      days++;
      estimated |= anyEstimated;
    }
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
