package org.adcs.mdm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.specialread.AdjustmentReason;
import org.adcs.mdm.usage.UsageHistory.ChannelUsage;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.junit.jupiter.api.Test;

/** Usage history assembly (R-MD-3): window, meters across a change-out, totals, reads, kVARh, unmetered. */
class UsageHistoryAssemblerTest {

  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  static Instant at(String day) {
    return LocalDate.parse(day).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  static ServicePointState state(String meter, String account, String supplier, List<String> channels) {
    return new ServicePointState("SDP-7", "U-7", meter, null, null, account, supplier, channels);
  }

  /** In-memory store: every day of every meter and channel at {@code wh} Wh an hour, register reads by time. */
  static final class FakeSource implements UsageSource {
    final Map<String, Long> hourly = new HashMap<>();
    final Map<String, RegisterRead> reads = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public List<ValidatedDay> days(MeterId meter, Channel channel, LocalDate from, LocalDate to) {
      asked.add(meter + " " + channel.name() + " " + from + ".." + to);
      Long wh = hourly.get(meter + "/" + channel.name());
      List<ValidatedDay> days = new ArrayList<>();
      for (LocalDate d = from; wh != null && d.isBefore(to); d = d.plusDays(1)) {
        long[] values = new long[24];
        Arrays.fill(values, wh);
        IntervalStatus[] status = new IntervalStatus[24];
        Arrays.fill(status, IntervalStatus.VALID);
        if (d.getDayOfMonth() == 10) {
          status[0] = IntervalStatus.ESTIMATED;
          status[1] = IntervalStatus.NEEDS_VERIFY; // not billable: left out of the month's total
        }
        days.add(new ValidatedDay(meter, channel, d, 60, 0, values, status, new int[24], ReadingSource.SCHEDULED,
            Instant.EPOCH, Instant.EPOCH, 1));
      }
      return days;
    }

    @Override
    public Optional<RegisterRead> read(MeterId meter, Channel channel, LocalDateTime at) {
      return Optional.ofNullable(reads.get(meter + "/" + channel.name() + "/" + at));
    }

    void read(String meter, Channel channel, LocalDateTime at, long value) {
      reads.put(meter + "/" + channel.name() + "/" + at, new RegisterRead(new MeterId(meter), channel, at, value, 0,
          ReadingSource.SCHEDULED, Instant.EPOCH, 1));
    }
  }

  @Test
  void theCustomersTwelveMonthsFollowTheMetersAndLeaveOutOtherAccounts() {
    List<String> channels = List.of("active-import", "reactive-import");
    ServicePointTimeline timeline = new ServicePointTimeline("SDP-7", List.of(
        new Period(at("2024-01-01"), Optional.of(at("2026-03-15")), state("M1", "ACC-1", "SUP-A", channels)),
        new Period(at("2026-03-15"), Optional.of(at("2026-05-01")), state("M2", "ACC-1", "SUP-A", channels)),
        new Period(at("2026-05-01"), Optional.empty(), state("M2", "ACC-2", "SUP-B", channels))));
    FakeSource source = new FakeSource();
    source.hourly.put("M1/active-import", 100L);
    source.hourly.put("M2/active-import", 200L);
    source.hourly.put("M1/reactive-import", 10L);
    Channel reactive = ChannelMapping.channel("reactive-import");
    source.read("M1", Channel.ACTIVE_IMPORT, LocalDateTime.parse("2025-06-01T00:00"), 1_000_000);
    source.read("M2", Channel.ACTIVE_IMPORT, LocalDateTime.parse("2026-05-01T00:00"), 225_600);

    UsageHistory h = UsageHistoryAssembler.assemble(timeline, "ACC-1", AS_OF, Optional.empty(), source,
        ZoneOffset.UTC).orElseThrow();
    assertEquals(LocalDate.of(2025, 6, 1), h.from());
    assertEquals(LocalDate.of(2026, 5, 1), h.to()); // ACC-2 holds the point from May
    assertFalse(h.unmetered());
    assertEquals(List.of("M1 active-import 2025-06-01..2026-03-15", "M2 active-import 2026-03-15..2026-05-01",
        "M1 reactive-import 2025-06-01..2026-03-15", "M2 reactive-import 2026-03-15..2026-05-01"), source.asked);

    ChannelUsage active = h.channels().get(0);
    assertEquals(Channel.ACTIVE_IMPORT, active.channel());
    assertEquals(Optional.empty(), active.kwhChannel());
    assertEquals(11, active.months().size()); // June 2025 .. April 2026
    UsageHistory.MonthTotal june = active.months().get(0);
    assertEquals(YearMonth.of(2025, 6), june.month());
    assertEquals(30, june.days());
    assertTrue(june.estimated());
    assertEquals(new BigDecimal(30 * 2400 - 100), june.total()); // one NVE hour on the 10th left out
    assertEquals(Optional.of(new BigDecimal(100)), june.demand()); // 100 Wh in an hour: 100 W
    UsageHistory.MonthTotal march = active.months().get(9);
    assertEquals(YearMonth.of(2026, 3), march.month());
    assertEquals(new BigDecimal(14 * 2400 + 17 * 4800 - 100), march.total()); // 10 March was on M1
    assertEquals(Optional.of(new BigDecimal(200)), march.demand()); // M2's hours from 15 March
    assertEquals(new BigDecimal(1_000_000), active.opening().orElseThrow().value());
    assertEquals("M1", active.opening().get().meter());
    assertEquals("M2", active.closing().orElseThrow().meter());
    assertEquals(LocalDateTime.parse("2026-05-01T00:00"), active.closing().get().at());
    assertEquals(334, active.intervals().size());
    assertEquals("NVE", active.intervals().get(9).status().get(1));

    ChannelUsage kvarh = h.channels().get(1);
    assertEquals(reactive, kvarh.channel());
    assertEquals(Optional.of(Channel.ACTIVE_IMPORT), kvarh.kwhChannel());
    assertEquals(new BigDecimal(30 * 240 - 10), kvarh.months().get(0).total());
    assertEquals(Optional.empty(), kvarh.opening());
  }

  @Test
  void anAccountThatNeverHeldThePointHasNoHistory() {
    ServicePointTimeline timeline = new ServicePointTimeline("SDP-7", List.of(
        new Period(at("2026-01-01"), Optional.empty(), state("M1", "ACC-1", "SUP-A", List.of("active-import")))));
    assertEquals(Optional.empty(), UsageHistoryAssembler.assemble(timeline, "ACC-9", AS_OF, Optional.empty(),
        new FakeSource(), ZoneOffset.UTC));
    // a service that ended more than 12 months ago is outside the window too
    ServicePointTimeline old = new ServicePointTimeline("SDP-7", List.of(new Period(at("2024-01-01"),
        Optional.of(at("2025-01-01")), state("M1", "ACC-1", "SUP-A", List.of("active-import")))));
    assertEquals(Optional.empty(), UsageHistoryAssembler.assemble(old, "ACC-1", AS_OF, Optional.empty(),
        new FakeSource(), ZoneOffset.UTC));
  }

  @Test
  void anUnmeteredPointsUsageIsItsFixedQuantity() {
    ServicePointTimeline lights = new ServicePointTimeline("SDP-7", List.of(new Period(at("2026-02-10"),
        Optional.empty(), state("UNMETERED-7", "ACC-CITY", "SUP-A", List.of("active-import")))));
    FakeSource source = new FakeSource();
    FixedUsage monthly = new FixedUsage("SDP-7", Channel.ACTIVE_IMPORT, FixedUsage.Basis.MONTHLY, 280_003);
    UsageHistory h = UsageHistoryAssembler.assemble(lights, "ACC-CITY", AS_OF, Optional.of(monthly), source,
        ZoneOffset.UTC).orElseThrow();
    assertTrue(h.unmetered());
    assertEquals(List.of(), source.asked); // no meter data is looked for
    List<UsageHistory.MonthTotal> months = h.channels().get(0).months();
    assertEquals(List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5)),
        months.stream().map(UsageHistory.MonthTotal::month).toList());
    assertEquals(new BigDecimal(280_003), months.get(1).total()); // whole months add up exactly
    assertEquals(new BigDecimal(19 * 10_000), months.get(0).total()); // 10..28 Feb at 280 003 / 28 = 10 000 (+0)
    assertEquals(Optional.of(AdjustmentReason.UNMETERED), months.get(0).reason());
    assertEquals(19, months.get(0).days());
    assertEquals(Optional.empty(), months.get(0).demand());

    FixedUsage daily = new FixedUsage("SDP-7", Channel.ACTIVE_IMPORT, FixedUsage.Basis.DAILY, 1_200);
    assertEquals(31 * 1_200, daily.over(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
    assertEquals(280_003, monthly.over(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)));
    assertEquals(9_033, monthly.onDay(LocalDate.of(2026, 3, 1))); // 280 003 = 31 * 9 032 + 11
    assertEquals(9_032, monthly.onDay(LocalDate.of(2026, 3, 12)));
  }

  @Test
  void kvarhChannelsMapToTheKwhChannelOfTheirDirection() {
    assertEquals(Optional.of(Channel.ACTIVE_IMPORT), ChannelMapping.kwhChannelOf(ChannelMapping.channel("reactive-q1")));
    assertEquals(Optional.of(Channel.ACTIVE_IMPORT), ChannelMapping.kwhChannelOf(ChannelMapping.channel("reactive-q4")));
    assertEquals(Optional.of(Channel.ACTIVE_EXPORT), ChannelMapping.kwhChannelOf(ChannelMapping.channel("reactive-q2")));
    assertEquals(Optional.of(Channel.ACTIVE_EXPORT),
        ChannelMapping.kwhChannelOf(ChannelMapping.channel("reactive-export")));
    assertEquals("varh", ChannelMapping.channel("reactive-export").unit());
    assertEquals(Optional.empty(), ChannelMapping.kwhChannelOf(Channel.ACTIVE_EXPORT));
  }
}
