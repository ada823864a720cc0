package org.adcs.mdm.vee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.reading.IntervalDay;

/**
 * Validation, estimation and status assignment for one meter channel's day (R-VEE-1, R-VEE-2,
 * R-VEE-3). Pure: the same day, history and previous version always give the same result, which
 * is what makes replaying the journal into the store idempotent.
 */
public final class VeeEngine {

  private static final int SUSPECT = VeeFlag.METER_INVALID.bit() | VeeFlag.SPIKE.bit() | VeeFlag.HIGH_USAGE.bit()
      | VeeFlag.LOW_USAGE.bit() | VeeFlag.ZERO_USAGE.bit() | VeeFlag.CONSTANT_USAGE.bit()
      | VeeFlag.SUM_CHECK_FAILED.bit();

  private final VeeSettings settings;

  public VeeEngine(VeeSettings settings) {
    this.settings = settings;
  }

  /**
   * @param raw             the day's actual intervals, merged from every delivery so far
   * @param previousVersion the day's latest validated version before this one, if any
   * @param history         the meter channel's earlier days and register reads
   * @param postedAt        the posting time recorded with this version
   */
  public ValidatedDay validate(IntervalDay raw, Optional<ValidatedDay> previousVersion, MeterHistory history,
      VeeLevel level, Instant postedAt) {
    DayWork day = new DayWork(raw);
    List<ValidatedDay> likeDays = likeDays(raw.day(), history);

    if (level != VeeLevel.NO_VALIDATION) {
      SpikeRule.apply(day, settings);
      ConstantUsageRule.apply(day, settings);
      UsageLevelRule.apply(day, likeDays, settings);
    }
    if (level != VeeLevel.NO_ESTIMATION) {
      GapEstimator.apply(day, history.validatedDay(raw.day().minusDays(1)), likeDays, settings);
    } else {
      GapEstimator.apply(day, Optional.empty(), List.of(), withoutEstimation());
    }
    if (level != VeeLevel.NO_VALIDATION) {
      SumCheck.apply(day, history.register(raw.day().atStartOfDay()),
          history.register(raw.day().plusDays(1).atStartOfDay()), settings);
    }
    previousVersion.ifPresent(previous -> markChanges(day, previous));
    Optional<String> adjustment = previousVersion.flatMap(previous -> keepAdjustment(day, previous));

    IntervalStatus[] status = new IntervalStatus[day.count()];
    for (int i = 0; i < status.length; i++) {
      status[i] = statusOf(day, i, level);
    }
    return new ValidatedDay(raw.meter(), raw.channel(), raw.day(), raw.intervalMinutes(), raw.scale(), day.values,
        status, day.flags, raw.source(), raw.readAt(), postedAt, raw.revision(), 0, adjustment);
  }

  /**
   * A delivery after a repost (R-MD-2, R-VEE-3) keeps the repost's adjustment: the repost put the day
   * into the service because its dates moved, and newer data of the day does not move them back, so
   * the intervals stay flagged {@link VeeFlag#ADJUSTED} with the same reason. Which service point
   * bills the day is master data's answer, not this flag's: the days a service lost are never
   * reposted, so there is no adjustment to keep for them. (A repost stored before reposts had a key
   * of their own carries no reason; its flags are kept all the same.)
   */
  private static Optional<String> keepAdjustment(DayWork day, ValidatedDay previous) {
    boolean adjusted = false;
    for (int i = 0; i < previous.intervalCount() && !adjusted; i++) {
      adjusted = previous.has(i, VeeFlag.ADJUSTED);
    }
    if (!adjusted) {
      return Optional.empty();
    }
    boolean sameIntervals = previous.intervalMinutes() == day.raw.intervalMinutes();
    for (int i = 0; i < day.count(); i++) {
      if (!sameIntervals || previous.has(i, VeeFlag.ADJUSTED)) {
        day.flag(i, VeeFlag.ADJUSTED);
      }
    }
    return previous.adjustment();
  }

  private static IntervalStatus statusOf(DayWork day, int i, VeeLevel level) {
    boolean actual = day.present.get(i);
    if (!actual && !day.estimated.get(i)) {
      return IntervalStatus.NEEDS_VERIFY;
    }
    if ((day.flags[i] & SUSPECT) != 0) {
      return IntervalStatus.NEEDS_VERIFY;
    }
    if (!actual) {
      return IntervalStatus.ESTIMATED;
    }
    return level == VeeLevel.NO_VALIDATION ? IntervalStatus.NOT_VALIDATED : IntervalStatus.VALID;
  }

  /** R-VEE-2/R-VEE-3: actual data replacing an estimate, and re-sent actual data that differs. */
  private static void markChanges(DayWork day, ValidatedDay previous) {
    if (previous.intervalMinutes() != day.raw.intervalMinutes()) {
      return;
    }
    for (int i = day.present.nextSetBit(0); i >= 0; i = day.present.nextSetBit(i + 1)) {
      boolean wasEstimate = previous.has(i, VeeFlag.ESTIMATED_LINEAR) || previous.has(i, VeeFlag.ESTIMATED_LIKE_DAY);
      boolean wasActual = !previous.has(i, VeeFlag.GAP);
      if (wasEstimate) {
        day.flag(i, VeeFlag.REPLACED_ESTIMATE);
      } else if (wasActual && previous.value(i) != day.values[i]) {
        day.flag(i, VeeFlag.CHANGED);
      }
    }
  }

  private List<ValidatedDay> likeDays(LocalDate day, MeterHistory history) {
    List<ValidatedDay> result = new ArrayList<>();
    for (int week = 1; week <= settings.likeDayWeeks(); week++) {
      history.validatedDay(day.minusWeeks(week)).ifPresent(result::add);
    }
    return result;
  }

  private VeeSettings withoutEstimation() {
    return new VeeSettings(settings.spikeFactor(), settings.spikeFloor(), settings.highFactor(), settings.lowFactor(),
        settings.historyFloor(), settings.constantRunIntervals(), settings.sumTolerance(), 0, settings.likeDayWeeks(),
        settings.zeroCheckChannels());
  }
}
