package org.adcs.mdm.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adcs.mdm.billing.BillingCalendar.HourWindow;
import org.adcs.mdm.billing.BillingCalendar.Season;
import org.adcs.mdm.billing.BillingCalendar.TouWindow;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.vee.IntervalStatus;
import org.junit.jupiter.api.Test;

/**
 * Billing quantities against hand-computed values (R-MD-4, R-DAT-3): every framing, every status, DST
 * days and a season change inside a period. Meters keep Eastern standard time (UTC-5); the billing
 * calendar is America/Toronto's local time, DST included.
 */
class BillingQuantitiesTest {

  static final ZoneId TORONTO = ZoneId.of("America/Toronto");
  static final String METER = "M-1";
  static final String AGENT = "BA-1";
  static final Instant VERSION = Instant.parse("2024-06-01T00:00:00Z");
  /** Winter: mid-peak 7-11, on-peak 17-19; summer (from 1 May): mid-peak 7-11, on-peak 11-17. */
  static final BillingCalendar CALENDAR = new BillingCalendar(TORONTO, List.of(
      new Season("winter", MonthDay.of(11, 1), List.of(new TouWindow("mid-peak", new HourWindow(7, 11)),
          new TouWindow("on-peak", new HourWindow(17, 19)))),
      new Season("summer", MonthDay.of(5, 1), List.of(new TouWindow("mid-peak", new HourWindow(7, 11)),
          new TouWindow("on-peak", new HourWindow(11, 17))))),
      Set.of(LocalDate.of(2024, 1, 12)), Set.of(LocalDate.of(2024, 1, 11)), new HourWindow(14, 18));
  /** Sum check: more than 1 % of the register difference and more than 0.5 kWh. */
  static final BillingSettings SETTINGS = new BillingSettings(InMemoryMeterData.STANDARD, CALENDAR,
      new BigDecimal("0.01"), new BigDecimal("0.5"));

  final InMemoryMeterData data = new InMemoryMeterData();
  final BillingQuantities quantities = new BillingQuantities(SETTINGS, data);

  static Instant localMidnight(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(TORONTO).toInstant();
  }

  static ServicePointState state(String meter, String account) {
    return new ServicePointState("SDP-1", "U-1", meter, "CM-1", "P-1", account, AGENT, List.of("active-import"));
  }

  static ServicePointTimeline timeline(Period... periods) {
    ServicePointTimeline t = ServicePointTimeline.empty("SDP-1");
    for (Period p : periods) {
      t = t.overlay(p);
    }
    return t;
  }

  static final ServicePointTimeline ALWAYS = timeline(new Period(Instant.parse("2020-01-01T00:00:00Z"),
      Optional.empty(), state(METER, "A-1")));

  /** Hourly days of 1 kWh each hour, with register reads at the standard-time midnights that agree. */
  void hourlyOnes(LocalDate first, LocalDate last) {
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      data.day(METER, d, 60, i -> 1000);
    }
  }

  void readsEveryStandardHour(int hour, LocalDate first, LocalDate last) {
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      data.consistentRead(METER, d.atTime(hour, 0), new BigDecimal("1000"));
    }
  }

  BqResponse ask(Instant from, Instant to, Framing framing) {
    return quantities.compute(BqRequest.of("REQ-1", "SDP-1", AGENT, from, to, framing), Optional.of(ALWAYS), VERSION);
  }

  static BqPart only(BqResponse response) {
    assertEquals(1, response.parts().size(), () -> "parts: " + response.parts());
    return response.parts().get(0);
  }

  static void ok(BqPart part) {
    assertEquals(BqStatus.OK, part.status(), part.reason());
  }

  static Map<String, String> values(BqPart part) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Quantity q : part.quantities()) {
      out.merge(q.bin(), q.value().stripTrailingZeros().toPlainString(), (a, b) -> a + "," + b);
    }
    return out;
  }

  @Test
  void periodicTotalsTheIntervalsAndEchoesTheRequest() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10));
    Instant from = localMidnight(2024, 1, 8);
    Instant to = localMidnight(2024, 1, 10);
    BqResponse r = ask(from, to, new Framing.Periodic());
    assertEquals("REQ-1", r.requestId());
    assertEquals(VERSION, r.versionTime());
    assertTrue(r.complete());
    BqPart part = only(r);
    ok(part);
    assertEquals("winter", part.season());
    assertEquals("A-1", part.account());
    // 48 hours of 1 kWh
    assertEquals(Map.of("total", "48"), values(part));
    assertEquals("kWh", part.quantities().get(0).unit());
    assertEquals(from, part.quantities().get(0).from());
    assertEquals(to, part.quantities().get(0).to());
  }

  @Test
  void timeOfUseBinsEachLocalDayWeekdaysWeekendsAndHolidays() {
    hourlyOnes(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 14));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 14));
    // Thursday 11 Jan (a weekday), Friday 12 (a holiday), Saturday 13.
    BqPart part = only(ask(localMidnight(2024, 1, 11), localMidnight(2024, 1, 14), new Framing.TimeOfUse()));
    ok(part);
    // Thursday: off-peak 0-7, 11-17, 19-24 = 18 h; mid-peak 7-11 = 4 h; on-peak 17-19 = 2 h.
    // Friday and Saturday: 24 h off-peak each. The critical-peak day has no effect on plain TOU.
    assertEquals(Map.of("off-peak", "18,24,24", "mid-peak", "4", "on-peak", "2"), values(part));
    List<Quantity> q = part.quantities();
    assertEquals(5, q.size());
    assertEquals(localMidnight(2024, 1, 12), q.get(3).from());
    assertEquals(localMidnight(2024, 1, 13), q.get(3).to());
  }

  @Test
  void criticalPeakTakesItsHoursOnCriticalPeakDaysOnly() {
    hourlyOnes(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 13));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 12));
    BqPart part = only(ask(localMidnight(2024, 1, 10), localMidnight(2024, 1, 12), new Framing.CriticalPeak()));
    ok(part);
    // Wednesday 10th, an ordinary weekday: off-peak 18, mid-peak 4, on-peak 2.
    // Thursday 11th, the critical-peak day (14-18): critical-peak 14,15,16,17 = 4 h; on-peak keeps 18 only = 1 h;
    // mid-peak 4 h; off-peak 24 - 9 = 15 h.
    assertEquals(Map.of("off-peak", "18,15", "mid-peak", "4,4", "on-peak", "2,1", "critical-peak", "4"),
        values(part));
  }

  @Test
  void hourlyGives23ValuesOnTheSpringForwardDay() {
    // 10 March 2024: local midnight is 05:00Z (EST), the next is 04:00Z on the 11th (EDT): 23 hours.
    data.day(METER, LocalDate.of(2024, 3, 10), 60, i -> (i + 1) * 1000L);
    data.consistentRead(METER, LocalDateTime.of(2024, 3, 10, 0, 0), new BigDecimal("500"));
    data.consistentRead(METER, LocalDateTime.of(2024, 3, 10, 23, 0), new BigDecimal("500"));
    BqPart part = only(ask(localMidnight(2024, 3, 10), localMidnight(2024, 3, 11), new Framing.Hourly()));
    ok(part);
    assertEquals(23, part.quantities().size());
    // Local hour n is standard-time interval n-1, which holds n kWh.
    for (int n = 1; n <= 23; n++) {
      Quantity q = part.quantities().get(n - 1);
      assertEquals(String.format("H%02d", n), q.bin());
      assertEquals(0, BigDecimal.valueOf(n).compareTo(q.value()), q.toString());
    }
    assertEquals(Instant.parse("2024-03-11T03:00:00Z"), part.quantities().get(22).from());
  }

  @Test
  void hourlyGives25ValuesOnTheFallBackDay() {
    // 3 November 2024: local midnight is 04:00Z (EDT), the next 05:00Z on the 4th (EST): 25 hours; the first
    // is the last standard-time hour of 2 November.
    data.day(METER, LocalDate.of(2024, 11, 2), 60, i -> (i + 1) * 1000L);
    data.day(METER, LocalDate.of(2024, 11, 3), 60, i -> (i + 1) * 1000L);
    data.consistentRead(METER, LocalDateTime.of(2024, 11, 2, 23, 0), new BigDecimal("500"));
    data.consistentRead(METER, LocalDateTime.of(2024, 11, 4, 0, 0), new BigDecimal("500"));
    BqPart part = only(ask(localMidnight(2024, 11, 3), localMidnight(2024, 11, 4), new Framing.Hourly()));
    ok(part);
    assertEquals(25, part.quantities().size());
    assertEquals("H01", part.quantities().get(0).bin());
    assertEquals(0, new BigDecimal("24").compareTo(part.quantities().get(0).value()));
    // 01:00 EDT and 01:00 EST are H02 and H03: standard intervals 0 and 1.
    assertEquals(0, BigDecimal.ONE.compareTo(part.quantities().get(1).value()));
    assertEquals(0, new BigDecimal("2").compareTo(part.quantities().get(2).value()));
    assertEquals("H25", part.quantities().get(24).bin());
    assertEquals(0, new BigDecimal("24").compareTo(part.quantities().get(24).value()));
  }

  /** 15-minute data for 8 January: 0.25 kWh a quarter but 10:00 1.0, 10:15 2.0, 10:30 0.5, 11:00 1.5 (EST). */
  void demandDay() {
    Map<Integer, Long> spikes = Map.of(40, 1000L, 41, 2000L, 42, 500L, 44, 1500L);
    data.day(METER, LocalDate.of(2024, 1, 8), 15, i -> spikes.getOrDefault(i, 250L));
    data.consistentRead(METER, LocalDateTime.of(2024, 1, 8, 0, 0), new BigDecimal("100"));
    data.consistentRead(METER, LocalDateTime.of(2024, 1, 9, 0, 0), new BigDecimal("100"));
  }

  BqPart demand(int minutes, boolean rolling) {
    BqPart part = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 9), new Framing.Demand(minutes, rolling)));
    ok(part);
    // 92 quarters of 0.25 + 1.0 + 2.0 + 0.5 + 1.5 = 28 kWh
    assertEquals("28", values(part).get("total"));
    return part;
  }

  static void maxDemand(BqPart part, String kw, String windowStart, String windowEnd) {
    Quantity max = part.quantities().get(0);
    assertEquals("max-demand", max.bin());
    assertEquals("kW", max.unit());
    assertEquals(0, new BigDecimal(kw).compareTo(max.value()), max.toString());
    assertEquals(Instant.parse(windowStart), max.from());
    assertEquals(Instant.parse(windowEnd), max.to());
  }

  @Test
  void demand60BlockIsTheBestClockHour() {
    demandDay();
    // 10:00-11:00 EST: 1.0 + 2.0 + 0.5 + 0.25 = 3.75 kWh in an hour = 3.75 kW
    maxDemand(demand(60, false), "3.75", "2024-01-08T15:00:00Z", "2024-01-08T16:00:00Z");
  }

  @Test
  void demand60RollingFindsTheHourAcrossTheClock() {
    demandDay();
    // 10:15-11:15 EST: 2.0 + 0.5 + 0.25 + 1.5 = 4.25 kW
    maxDemand(demand(60, true), "4.25", "2024-01-08T15:15:00Z", "2024-01-08T16:15:00Z");
  }

  @Test
  void demand15BlockAndRollingAgreeOnQuarterHourData() {
    demandDay();
    // 10:15-10:30 EST: 2.0 kWh in a quarter hour = 8 kW
    maxDemand(demand(15, false), "8", "2024-01-08T15:15:00Z", "2024-01-08T15:30:00Z");
    maxDemand(demand(15, true), "8", "2024-01-08T15:15:00Z", "2024-01-08T15:30:00Z");
  }

  @Test
  void demandOverIntervalsLongerThanItsWindowIsNotApplicable() {
    hourlyOnes(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 8));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 9));
    BqPart part = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 9), new Framing.Demand(15, true)));
    assertEquals(BqStatus.FRAMING_NOT_APPLICABLE, part.status());
    assertTrue(part.quantities().isEmpty());
  }

  @Test
  void aSeasonChangeInsideThePeriodSplitsTheResponse() {
    // Monday 29 April to Thursday 2 May 2024 (EDT); summer starts 1 May.
    hourlyOnes(LocalDate.of(2024, 4, 28), LocalDate.of(2024, 5, 3));
    readsEveryStandardHour(23, LocalDate.of(2024, 4, 28), LocalDate.of(2024, 5, 2));
    BqResponse r = ask(localMidnight(2024, 4, 29), localMidnight(2024, 5, 3), new Framing.TimeOfUse());
    assertEquals(2, r.parts().size());
    BqPart winter = r.parts().get(0);
    BqPart summer = r.parts().get(1);
    ok(winter);
    ok(summer);
    assertEquals("winter", winter.season());
    assertEquals(localMidnight(2024, 5, 1), winter.to());
    assertEquals("summer", summer.season());
    assertEquals(localMidnight(2024, 5, 1), summer.from());
    assertEquals(Map.of("off-peak", "18,18", "mid-peak", "4,4", "on-peak", "2,2"), values(winter));
    // Summer weekdays: mid-peak 7-11 = 4 h, on-peak 11-17 = 6 h, off-peak 14 h.
    assertEquals(Map.of("off-peak", "14,14", "mid-peak", "4,4", "on-peak", "6,6"), values(summer));
  }

  @Test
  void anAccountChangeAndAFramingChangeSplitTheResponse() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 11));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 11));
    Instant d8 = localMidnight(2024, 1, 8);
    Instant d9 = localMidnight(2024, 1, 9);
    Instant d10 = localMidnight(2024, 1, 10);
    Instant d11 = localMidnight(2024, 1, 11);
    ServicePointTimeline moved = timeline(new Period(d8.minusSeconds(86_400), Optional.of(d9), state(METER, "A-1")),
        new Period(d9, Optional.empty(), state(METER, "A-2")));
    BqRequest request = new BqRequest("REQ-2", "SDP-1", AGENT, d8, d11, List.of(
        new BqRequest.FramingChange(d8, new Framing.Periodic()),
        new BqRequest.FramingChange(d10, new Framing.Demand(60, false))), Optional.empty(), Optional.empty());
    BqResponse r = quantities.compute(request, Optional.of(moved), VERSION);
    assertEquals(3, r.parts().size());
    r.parts().forEach(BillingQuantitiesTest::ok);
    assertEquals(List.of("A-1", "A-2", "A-2"), r.parts().stream().map(BqPart::account).toList());
    assertEquals(List.of("periodic", "periodic", "demand-60-block"), r.parts().stream().map(BqPart::framing).toList());
    assertEquals(Map.of("total", "24"), values(r.parts().get(0)));
    assertEquals(Map.of("total", "24"), values(r.parts().get(1)));
    assertEquals(Map.of("max-demand", "1", "total", "24"), values(r.parts().get(2)));
  }

  // ---- statuses: no quantity may be given ----

  @Test
  void notTheBillingAgentGetsNoValues() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10));
    BqResponse r = quantities.compute(BqRequest.of("REQ-3", "SDP-1", "BA-2", localMidnight(2024, 1, 8),
        localMidnight(2024, 1, 10), new Framing.Periodic()), Optional.of(ALWAYS), VERSION);
    BqPart part = only(r);
    assertEquals(BqStatus.NOT_BILLING_AGENT, part.status());
    assertTrue(part.reason().contains("BA-2"), part.reason());
    assertTrue(part.quantities().isEmpty());
    assertFalse(r.complete());
  }

  @Test
  void anInactiveServicePointGivesNoValuesWhereNothingIsInEffect() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10));
    Instant d8 = localMidnight(2024, 1, 8);
    Instant d9 = localMidnight(2024, 1, 9);
    ServicePointTimeline ends = timeline(new Period(d8, Optional.of(d9), state(METER, "A-1")));
    BqResponse r = quantities.compute(BqRequest.of("REQ-4", "SDP-1", AGENT, d8, localMidnight(2024, 1, 10),
        new Framing.Periodic()), Optional.of(ends), VERSION);
    assertEquals(2, r.parts().size());
    ok(r.parts().get(0));
    assertEquals(Map.of("total", "24"), values(r.parts().get(0)));
    assertEquals(BqStatus.INACTIVE_SERVICE_POINT, r.parts().get(1).status());
    // A point never synchronised is inactive throughout.
    BqPart never = only(quantities.compute(BqRequest.of("REQ-5", "SDP-9", AGENT, d8, d9, new Framing.Periodic()),
        Optional.empty(), VERSION));
    assertEquals(BqStatus.INACTIVE_SERVICE_POINT, never.status());
  }

  @Test
  void aPointWithoutAMeterOrChannelGivesNoMeter() {
    Instant d8 = localMidnight(2024, 1, 8);
    Instant d9 = localMidnight(2024, 1, 9);
    ServicePointTimeline noChannels = timeline(new Period(d8, Optional.empty(),
        new ServicePointState("SDP-1", "U-1", METER, "", "", "A-1", AGENT, List.of())));
    assertEquals(BqStatus.NO_METER, only(quantities.compute(BqRequest.of("R", "SDP-1", AGENT, d8, d9,
        new Framing.Periodic()), Optional.of(noChannels), VERSION)).status());
    ServicePointTimeline noMeter = timeline(new Period(d8, Optional.empty(), state("", "A-1")));
    assertEquals(BqStatus.NO_METER, only(quantities.compute(BqRequest.of("R", "SDP-1", AGENT, d8, d9,
        new Framing.Periodic()), Optional.of(noMeter), VERSION)).status());
  }

  @Test
  void aMissingDayOfIntervalsGivesMissingInterval() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10));
    data.remove(METER, LocalDate.of(2024, 1, 9));
    BqPart part = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 10), new Framing.Periodic()));
    assertEquals(BqStatus.MISSING_INTERVAL, part.status());
    assertTrue(part.reason().contains("2024-01-09T05:00:00Z"), part.reason());
  }

  @Test
  void oneIntervalNeedingVerificationGivesNve() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    readsEveryStandardHour(0, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 10));
    data.mark(METER, LocalDate.of(2024, 1, 9), 5, IntervalStatus.NEEDS_VERIFY);
    BqPart part = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 10), new Framing.Hourly()));
    assertEquals(BqStatus.NVE_INTERVAL, part.status());
    // interval 5 of 9 January ends 06:00 EST = 11:00Z
    assertTrue(part.reason().contains("2024-01-09T11:00:00Z"), part.reason());
    // estimated values are billable
    data.mark(METER, LocalDate.of(2024, 1, 9), 5, IntervalStatus.ESTIMATED);
    ok(only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 10), new Framing.Hourly())));
  }

  @Test
  void noRegisterReadsInRangeGivesNoRegisterReads() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    BqPart none = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 10), new Framing.Periodic()));
    assertEquals(BqStatus.NO_REGISTER_READS, none.status());
    // one read is not enough either
    data.consistentRead(METER, LocalDateTime.of(2024, 1, 9, 0, 0), new BigDecimal("1000"));
    BqPart one = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 10), new Framing.Periodic()));
    assertEquals(BqStatus.NO_REGISTER_READS, one.status());
  }

  @Test
  void theSumCheckFailsBeyondItsThresholdOnly() {
    hourlyOnes(LocalDate.of(2024, 1, 7), LocalDate.of(2024, 1, 10));
    // intervals 8th-10th: 48 kWh. Register 1000.000 -> 1048.400: 0.4 kWh off, under max(1 % x 48.4, 0.5) = 0.5.
    data.read(METER, LocalDateTime.of(2024, 1, 8, 0, 0), 1_000_000);
    data.read(METER, LocalDateTime.of(2024, 1, 10, 0, 0), 1_048_400);
    ok(only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 10), new Framing.Periodic())));
    // A read at midnight on the 9th that did not advance: for the 8th alone the register moved 0 kWh
    // against 24 kWh of intervals, 24 off, over max(1 % x 0, 0.5).
    data.read(METER, LocalDateTime.of(2024, 1, 9, 0, 0), 1_000_000);
    BqPart inRange = only(ask(localMidnight(2024, 1, 8), localMidnight(2024, 1, 9), new Framing.Periodic()));
    assertEquals(BqStatus.SUM_CHECK_EXCEEDED, inRange.status());
    assertTrue(inRange.reason().contains("sum to 24.000"), inRange.reason());
    assertTrue(inRange.quantities().isEmpty());
  }

  @Test
  void requestsAreValidated() {
    Instant d8 = localMidnight(2024, 1, 8);
    assertThrows(IllegalArgumentException.class, () -> BqRequest.of("R", "SDP-1", AGENT, d8, d8,
        new Framing.Periodic()));
    assertThrows(IllegalArgumentException.class, () -> BqRequest.of("", "SDP-1", AGENT, d8, d8.plusSeconds(3600),
        new Framing.Periodic()));
    assertThrows(IllegalArgumentException.class, () -> BqRequest.of("R", "SDP-1", AGENT, d8,
        d8.plus(BqRequest.MAX_PERIOD).plusSeconds(1), new Framing.Periodic()));
    assertThrows(IllegalArgumentException.class, () -> Framing.parse("demand-30-block"));
    assertEquals(new Framing.Demand(60, true), Framing.parse("demand-60-rolling"));
    assertEquals(new Framing.CriticalPeak(), Framing.parse(new Framing.CriticalPeak().wireName()));
  }
}
