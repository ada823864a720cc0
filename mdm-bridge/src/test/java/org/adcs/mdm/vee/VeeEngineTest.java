package org.adcs.mdm.vee;

import static org.adcs.mdm.vee.Days.DAY;
import static org.adcs.mdm.vee.Days.POSTED_AT;
import static org.adcs.mdm.vee.Days.all;
import static org.adcs.mdm.vee.Days.allBut;
import static org.adcs.mdm.vee.Days.day;
import static org.adcs.mdm.vee.Days.residential;
import static org.adcs.mdm.vee.Days.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterFlag;
import org.junit.jupiter.api.Test;

/** VEE on realistic residential days (R-VEE-1, R-VEE-2, R-VEE-3). */
class VeeEngineTest {

  private final VeeEngine vee = new VeeEngine(VeeSettings.defaults());

  private ValidatedDay validate(IntervalDay raw, MeterHistory history) {
    return vee.validate(raw, Optional.empty(), history, VeeLevel.FULL, POSTED_AT);
  }

  @Test
  void cleanDayIsAllValid_R_VEE_2() {
    ValidatedDay result = validate(day(residential(1)), new Days.History().withLikeDays(4, 1));
    assertEquals(96, result.count(IntervalStatus.VALID));
    assertEquals(sum(residential(1)), result.billableTotal());
  }

  @Test
  void spikeIsFlaggedAndNotBillable_R_VEE_1() {
    long[] values = residential(1);
    values[40] = 9_000; // 9 kWh in 15 minutes in a house using ~110 Wh then
    ValidatedDay result = validate(day(values), MeterHistory.NONE);
    assertEquals(IntervalStatus.NEEDS_VERIFY, result.status(40));
    assertTrue(result.has(40, VeeFlag.SPIKE));
    assertEquals(95, result.count(IntervalStatus.VALID));
  }

  @Test
  void oneHourGapIsInterpolatedLinearly_R_VEE_2() {
    long[] values = residential(1);
    values[39] = 100;
    values[44] = 200;
    ValidatedDay result = validate(day(Channel.ACTIVE_IMPORT, DAY, values, allBut(40, 44), new int[96], 1),
        MeterHistory.NONE);
    assertEquals(120, result.value(40));
    assertEquals(140, result.value(41));
    assertEquals(160, result.value(42));
    assertEquals(180, result.value(43));
    for (int i = 40; i < 44; i++) {
      assertEquals(IntervalStatus.ESTIMATED, result.status(i));
      assertTrue(result.has(i, VeeFlag.GAP) && result.has(i, VeeFlag.ESTIMATED_LINEAR));
    }
  }

  @Test
  void fourHourGapIsEstimatedFromLikeDays_R_VEE_2() {
    Days.History history = new Days.History().withLikeDays(4, 1);
    ValidatedDay result = validate(day(Channel.ACTIVE_IMPORT, DAY, residential(1), allBut(68, 84), new int[96], 5), history);
    long[] like = residential(1);
    for (int i = 68; i < 84; i++) {
      assertEquals(like[i], result.value(i), "interval " + i);
      assertEquals(IntervalStatus.ESTIMATED, result.status(i));
      assertTrue(result.has(i, VeeFlag.ESTIMATED_LIKE_DAY));
    }
  }

  @Test
  void longGapWithoutHistoryStaysNeedsVerify() {
    ValidatedDay result = validate(day(Channel.ACTIVE_IMPORT, DAY, residential(1), allBut(10, 30), new int[96], 1),
        MeterHistory.NONE);
    for (int i = 10; i < 30; i++) {
      assertEquals(IntervalStatus.NEEDS_VERIFY, result.status(i));
      assertTrue(result.has(i, VeeFlag.GAP));
      assertEquals(0, result.value(i));
    }
  }

  @Test
  void dayMatchingItsRegisterDifferencePassesTheSumCheck_R_VEE_1() {
    long total = sum(residential(1));
    ValidatedDay result = validate(day(residential(1)), new Days.History().withRegisters(1_000_000, 1_000_000 + total));
    assertEquals(96, result.count(IntervalStatus.VALID));
    assertFalse(result.has(0, VeeFlag.SUM_CHECK_FAILED));
  }

  @Test
  void dayNotMatchingItsRegisterDifferenceFailsTheSumCheck_R_VEE_1() {
    long total = sum(residential(1));
    ValidatedDay result = validate(day(residential(1)), new Days.History().withRegisters(1_000_000, 1_000_000 + total + 500));
    assertEquals(96, result.count(IntervalStatus.NEEDS_VERIFY));
    assertTrue(result.has(50, VeeFlag.SUM_CHECK_FAILED));
  }

  @Test
  void estimatesAreScaledSoTheDayAddsUpToTheRegisters() {
    long[] actual = residential(1);
    long trueTotal = sum(actual);
    Days.History history = new Days.History().withLikeDays(4, 0.8).withRegisters(5_000, 5_000 + trueTotal);
    ValidatedDay result = validate(day(Channel.ACTIVE_IMPORT, DAY, actual, allBut(68, 84), new int[96], 5), history);
    assertEquals(trueTotal, result.billableTotal(), "the plugged day must add up to the register difference exactly");
    assertTrue(result.has(70, VeeFlag.ESTIMATE_REGISTER_BOUNDED));
    assertEquals(IntervalStatus.ESTIMATED, result.status(70));
    assertEquals(80, result.count(IntervalStatus.VALID));
  }

  @Test
  void dayFarAboveItsLikeDaysIsHighUsage_R_VEE_1() {
    ValidatedDay result = validate(day(residential(3.5)), new Days.History().withLikeDays(4, 1));
    assertEquals(96, result.count(IntervalStatus.NEEDS_VERIFY));
    assertTrue(result.has(0, VeeFlag.HIGH_USAGE));
  }

  @Test
  void dayFarBelowItsLikeDaysIsLowUsageUnlessTheMeterReportedAnOutage_R_VEE_1() {
    assertTrue(validate(day(residential(0.1)), new Days.History().withLikeDays(4, 1)).has(0, VeeFlag.LOW_USAGE));

    int[] flags = new int[96];
    flags[30] = MeterFlag.POWER_OUTAGE.bit();
    ValidatedDay outageDay = validate(day(Channel.ACTIVE_IMPORT, DAY, residential(0.1), all(), flags, 1),
        new Days.History().withLikeDays(4, 1));
    assertFalse(outageDay.has(0, VeeFlag.LOW_USAGE));
    assertTrue(outageDay.has(30, VeeFlag.POWER_OUTAGE));
    assertEquals(IntervalStatus.VALID, outageDay.status(30));
  }

  @Test
  void zeroImportAllDayIsFlaggedButZeroExportIsNormal_R_VEE_1() {
    Days.History history = new Days.History().withLikeDays(4, 1);
    assertTrue(validate(day(new long[96]), history).has(10, VeeFlag.ZERO_USAGE));

    ValidatedDay export = validate(day(Channel.ACTIVE_EXPORT, DAY, new long[96], all(), new int[96], 1), history);
    assertEquals(96, export.count(IntervalStatus.VALID));
  }

  @Test
  void longRunOfTheSameValueIsAStuckRegister() {
    long[] values = residential(1);
    for (int i = 20; i < 40; i++) {
      values[i] = 150;
    }
    ValidatedDay result = validate(day(values), MeterHistory.NONE);
    for (int i = 20; i < 40; i++) {
      assertTrue(result.has(i, VeeFlag.CONSTANT_USAGE));
      assertEquals(IntervalStatus.NEEDS_VERIFY, result.status(i));
    }
    assertEquals(IntervalStatus.VALID, result.status(19));
  }

  @Test
  void intervalTheMeterMarkedInvalidNeedsVerify() {
    int[] flags = new int[96];
    flags[5] = MeterFlag.DATA_NOT_VALID.bit();
    ValidatedDay result = validate(day(Channel.ACTIVE_IMPORT, DAY, residential(1), all(), flags, 1), MeterHistory.NONE);
    assertEquals(IntervalStatus.NEEDS_VERIFY, result.status(5));
    assertTrue(result.has(5, VeeFlag.METER_INVALID));
  }

  @Test
  void noValidationLevelStoresNotValidatedButStillPlugsGaps_R_VEE_2() {
    long[] values = residential(1);
    values[40] = 9_000;
    ValidatedDay result = vee.validate(day(Channel.ACTIVE_IMPORT, DAY, values, allBut(60, 62), new int[96], 1),
        Optional.empty(), MeterHistory.NONE, VeeLevel.NO_VALIDATION, POSTED_AT);
    assertEquals(IntervalStatus.NOT_VALIDATED, result.status(40));
    assertFalse(result.has(40, VeeFlag.SPIKE));
    assertEquals(IntervalStatus.ESTIMATED, result.status(60));
  }

  @Test
  void noEstimationLevelLeavesGapsOpen_R_VEE_2() {
    ValidatedDay result = vee.validate(day(Channel.ACTIVE_IMPORT, DAY, residential(1), allBut(60, 62), new int[96], 1),
        Optional.empty(), MeterHistory.NONE, VeeLevel.NO_ESTIMATION, POSTED_AT);
    assertEquals(IntervalStatus.NEEDS_VERIFY, result.status(60));
    assertEquals(94, result.count(IntervalStatus.VALID));
  }

  @Test
  void actualDataReplacesAnEarlierEstimate_R_VEE_2() {
    IntervalDay withGap = day(Channel.ACTIVE_IMPORT, DAY, residential(1), allBut(40, 42), new int[96], 1);
    ValidatedDay first = validate(withGap, MeterHistory.NONE);
    assertEquals(IntervalStatus.ESTIMATED, first.status(40));

    IntervalDay recovered = day(Channel.ACTIVE_IMPORT, DAY, residential(1), all(), new int[96], 2);
    ValidatedDay second = vee.validate(recovered, Optional.of(first), MeterHistory.NONE, VeeLevel.FULL, POSTED_AT);
    assertEquals(IntervalStatus.VALID, second.status(40));
    assertTrue(second.has(40, VeeFlag.REPLACED_ESTIMATE));
    assertEquals(residential(1)[40], second.value(40));
    assertEquals(2, second.version());
  }

  @Test
  void resentDataThatDiffersIsFlaggedChanged_R_VEE_3() {
    ValidatedDay first = validate(day(residential(1)), MeterHistory.NONE);
    long[] corrected = residential(1);
    corrected[12] += 25;
    ValidatedDay second = vee.validate(day(Channel.ACTIVE_IMPORT, DAY, corrected, all(), new int[96], 2),
        Optional.of(first), MeterHistory.NONE, VeeLevel.FULL, POSTED_AT);
    assertTrue(second.has(12, VeeFlag.CHANGED));
    assertFalse(second.has(13, VeeFlag.CHANGED));
  }

  @Test
  void sameInputGivesTheSameResult() {
    Days.History history = new Days.History().withLikeDays(4, 1).withRegisters(0, sum(residential(1)));
    IntervalDay raw = day(Channel.ACTIVE_IMPORT, DAY, residential(1), allBut(30, 50), new int[96], 7);
    assertEquals(validate(raw, history), validate(raw, history));
  }
}
