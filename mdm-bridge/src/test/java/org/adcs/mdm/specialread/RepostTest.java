package org.adcs.mdm.specialread;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.MeterHistory;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeFlag;
import org.adcs.mdm.vee.VeeLevel;
import org.adcs.mdm.vee.VeeSettings;
import org.junit.jupiter.api.Test;

/** Reposting after a service date change (R-MD-2, R-VEE-3): adjusted opening read, estimates, flags. */
class RepostTest {

  static final MeterId METER = new MeterId("M1");
  static final LocalDate D1 = LocalDate.of(2026, 3, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 3, 20);
  static final Instant POSTED = Instant.parse("2026-03-20T06:00:00Z");

  /** 24 hourly intervals of {@code wh} each: a day of 24 * wh Wh. */
  static ValidatedDay day(LocalDate day, long wh, IntervalStatus status) {
    long[] values = new long[24];
    Arrays.fill(values, wh);
    IntervalStatus[] statuses = new IntervalStatus[24];
    Arrays.fill(statuses, status);
    return new ValidatedDay(METER, Channel.ACTIVE_IMPORT, day, 60, 0, values, statuses, new int[24],
        ReadingSource.SCHEDULED, day.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
        day.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), 3);
  }

  static Map<LocalDate, ValidatedDay> stored(LocalDate from, LocalDate to, long wh) {
    Map<LocalDate, ValidatedDay> days = new HashMap<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      days.put(d, day(d, wh, IntervalStatus.VALID));
    }
    return days;
  }

  static Repost.Plan plan(ServiceDates was, ServiceDates now, Map<LocalDate, ValidatedDay> stored,
      Optional<Long> opening) {
    return Repost.plan(new Repost.Input(METER, Channel.ACTIVE_IMPORT, 60, 0, was, now, stored, opening,
        AdjustmentReason.OVER_UNDER_READ, TODAY, POSTED, 3, 1));
  }

  @Test
  void anEarlierStartRepostsTheStoredDaysFlaggedAdjustedAndLowersTheOpeningRead() {
    // Service was from 5 March; it is now from 3 March. The meter's data for 3 and 4 March is stored.
    Map<LocalDate, ValidatedDay> stored = stored(D1, TODAY, 10);
    Repost.Plan plan = plan(new ServiceDates(D1.plusDays(4), Optional.empty()),
        new ServiceDates(D1.plusDays(2), Optional.empty()), stored, Optional.of(50_000L));
    assertEquals(List.of(D1.plusDays(2), D1.plusDays(3)), plan.reposted().stream().map(ValidatedDay::day).toList());
    for (ValidatedDay d : plan.reposted()) {
      assertEquals(3, d.version());
      assertEquals(1, d.repost());
      assertEquals(Optional.of("over-under-read"), d.adjustment());
      assertEquals(POSTED, d.postedAt());
      for (int i = 0; i < 24; i++) {
        assertTrue(d.has(i, VeeFlag.ADJUSTED));
        assertEquals(IntervalStatus.VALID, d.status(i));
        assertEquals(10, d.value(i));
      }
    }
    assertEquals(List.of(), plan.withdrawn());
    // Two days of 240 Wh before the old opening read of 50 000 Wh.
    assertEquals(Optional.of(new Repost.OpeningRead(D1.plusDays(2), 50_000 - 480, true, false,
        AdjustmentReason.OVER_UNDER_READ)), plan.opening());
  }

  @Test
  void missingDaysAreEstimatedFromTheServicesStoredDaysAndFlagged() {
    // Only days inside both services are stored: 6..19 March, half of them at 10 Wh and half at 20 Wh an hour.
    Map<LocalDate, ValidatedDay> stored = stored(D1.plusDays(5), D1.plusDays(12), 10);
    stored.putAll(stored(D1.plusDays(12), TODAY, 20));
    Repost.Plan plan = plan(new ServiceDates(D1.plusDays(5), Optional.empty()),
        new ServiceDates(D1, Optional.empty()), stored, Optional.of(10_000L));
    assertEquals(5, plan.reposted().size());
    ValidatedDay estimate = plan.reposted().get(0);
    assertEquals(D1, estimate.day());
    for (int i = 0; i < 24; i++) {
      assertEquals(IntervalStatus.ESTIMATED, estimate.status(i));
      assertTrue(estimate.has(i, VeeFlag.ESTIMATED_LIKE_DAY));
      assertTrue(estimate.has(i, VeeFlag.ADJUSTED));
      assertEquals(15, estimate.value(i)); // mean of 7 days at 10 and 7 days at 20
    }
    Repost.OpeningRead opening = plan.opening().orElseThrow();
    assertEquals(10_000 - 5 * 24 * 15, opening.value());
    assertTrue(opening.estimated());
    assertTrue(opening.adjusted());
  }

  @Test
  void aLaterStartWithdrawsDaysAndRaisesTheOpeningRead() {
    Map<LocalDate, ValidatedDay> stored = stored(D1, TODAY, 10);
    Repost.Plan plan = plan(new ServiceDates(D1, Optional.empty()),
        new ServiceDates(D1.plusDays(3), Optional.empty()), stored, Optional.of(7_000L));
    assertEquals(List.of(), plan.reposted());
    assertEquals(List.of(D1, D1.plusDays(1), D1.plusDays(2)), plan.withdrawn());
    assertEquals(7_000 + 3 * 240, plan.opening().orElseThrow().value());
    assertFalse(plan.opening().get().estimated());
  }

  @Test
  void aLaterStopRepostsTheGainedDaysUpToYesterdayAndLeavesTheOpeningRead() {
    Map<LocalDate, ValidatedDay> stored = stored(D1, TODAY, 10);
    Repost.Plan plan = plan(new ServiceDates(D1, Optional.of(D1.plusDays(10))),
        new ServiceDates(D1, Optional.of(LocalDate.of(2026, 4, 30))), stored, Optional.of(7_000L));
    assertEquals(9, plan.reposted().size()); // 11..19 March: today and later are not reposted
    assertEquals(D1.plusDays(10), plan.reposted().get(0).day());
    assertEquals(TODAY.minusDays(1), plan.reposted().get(8).day());
    Repost.OpeningRead opening = plan.opening().orElseThrow();
    assertFalse(opening.adjusted());
    assertEquals(7_000, opening.value());
  }

  @Test
  void anEarlierStopWithdrawsTheLostDays() {
    Map<LocalDate, ValidatedDay> stored = stored(D1, TODAY, 10);
    Repost.Plan plan = plan(new ServiceDates(D1, Optional.empty()),
        new ServiceDates(D1, Optional.of(D1.plusDays(17))), stored, Optional.empty());
    assertEquals(List.of(D1.plusDays(17), D1.plusDays(18)), plan.withdrawn());
    assertEquals(Optional.empty(), plan.opening());
  }

  @Test
  void daysWithNothingToEstimateFromAreListed() {
    Repost.Plan plan = plan(new ServiceDates(D1.plusDays(2), Optional.empty()),
        new ServiceDates(D1, Optional.empty()), Map.of(), Optional.of(100L));
    assertEquals(List.of(D1, D1.plusDays(1)), plan.unestimable());
    assertTrue(plan.opening().orElseThrow().estimated());
  }

  @Test
  void theDaysLoadedAreTheChangedOnesAndReferenceDaysNextToTheEdges() {
    var days = Reposting.daysToLoad(new ServiceDates(D1.plusDays(2), Optional.empty()),
        new ServiceDates(D1, Optional.empty()), TODAY);
    assertTrue(days.contains(D1));
    assertTrue(days.contains(D1.plusDays(2 + Reposting.REFERENCE_DAYS - 1)));
    assertEquals(2 + Reposting.REFERENCE_DAYS, days.size());
    var stop = Reposting.daysToLoad(new ServiceDates(D1, Optional.empty()),
        new ServiceDates(D1, Optional.of(D1.plusDays(17))), TODAY);
    assertEquals(List.of(D1.plusDays(3)), stop.stream().limit(1).toList());
    assertArrayEquals(new Object[] {D1.plusDays(17), D1.plusDays(18)},
        stop.stream().skip(stop.size() - 2).toArray());
  }

  /**
   * R-VEE-3: a repost and the meter's next delivery are two versions of the day; the repost is
   * made when the newest stored version is the delivery of revision 3, so the next delivery is
   * revision 4 and must neither take the repost's place in the store nor sort before it.
   */
  @Test
  void aRepostNeverTakesTheVersionOfTheNextDelivery() {
    Map<LocalDate, ValidatedDay> stored = stored(D1, TODAY, 10);
    Repost.Plan plan = plan(new ServiceDates(D1.plusDays(4), Optional.empty()),
        new ServiceDates(D1.plusDays(2), Optional.empty()), stored, Optional.empty());
    ValidatedDay reposted = plan.reposted().get(0);

    IntervalDay next = nextDelivery(reposted.day(), 10);
    ValidatedDay delivered = new VeeEngine(VeeSettings.defaults()).validate(next, Optional.of(reposted),
        MeterHistory.NONE, VeeLevel.FULL, POSTED.plusSeconds(3600));

    assertNotEquals(key(reposted), key(delivered), "the delivery would overwrite the repost in the store");
    assertTrue(ValidatedDay.OLDEST_FIRST.compare(delivered, reposted) > 0, "the later delivery is the newer version");
    assertTrue(ValidatedDay.OLDEST_FIRST.compare(reposted, stored.get(reposted.day())) > 0,
        "the repost is newer than the version it was made from");
  }

  /** A day still inside the moved service keeps its adjustment in the later delivery's version. */
  @Test
  void aDeliveryAfterARepostKeepsTheAdjustmentAndItsReason() {
    Map<LocalDate, ValidatedDay> stored = stored(D1, TODAY, 10);
    ValidatedDay reposted = plan(new ServiceDates(D1.plusDays(4), Optional.empty()),
        new ServiceDates(D1.plusDays(2), Optional.empty()), stored, Optional.empty()).reposted().get(0);
    IntervalDay next = nextDelivery(reposted.day(), 12);
    VeeEngine vee = new VeeEngine(VeeSettings.defaults());

    ValidatedDay delivered = vee.validate(next, Optional.of(reposted), MeterHistory.NONE, VeeLevel.FULL,
        POSTED.plusSeconds(3600));
    ValidatedDay withoutRepost = vee.validate(next, Optional.of(stored.get(reposted.day())), MeterHistory.NONE,
        VeeLevel.FULL, POSTED.plusSeconds(3600));

    assertEquals(Optional.of("over-under-read"), delivered.adjustment());
    for (int i = 0; i < 24; i++) {
      assertTrue(delivered.has(i, VeeFlag.ADJUSTED));
      assertTrue(delivered.has(i, VeeFlag.CHANGED)); // 12 Wh where the repost had 10
      assertEquals(withoutRepost.status(i), delivered.status(i), "an adjustment does not change billability");
      assertFalse(withoutRepost.has(i, VeeFlag.ADJUSTED));
    }
    assertEquals(Optional.empty(), withoutRepost.adjustment());
  }

  /** The day's key within its partition (meter, channel, day) in the store. */
  private static List<Long> key(ValidatedDay day) {
    return List.of(day.version(), (long) day.repost());
  }

  /** The meter's next night's delivery of {@code day} (revision 4), every hour {@code wattHours}. */
  private static IntervalDay nextDelivery(LocalDate day, long wattHours) {
    long[] values = new long[24];
    Arrays.fill(values, wattHours);
    BitSet all = new BitSet(24);
    all.set(0, 24);
    return new IntervalDay(METER, Channel.ACTIVE_IMPORT, day, 60, 0, values, all, new int[24], ReadingSource.SCHEDULED,
        POSTED.plusSeconds(3600), 4);
  }
}
