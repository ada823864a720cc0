package org.adcs.mdm.specialread;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;

/**
 * What a change of a service's start or stop date after data was posted reposts (R-MD-2, R-VEE-3).
 * Days the service gains are reposted as new versions flagged {@link VeeFlag#ADJUSTED}; where the
 * store has no data for such a day it is estimated from the profile of the service's other stored
 * days and flagged estimated as well. Days the service loses are withdrawn from its postings (the
 * meter's data stays: the meter may serve another point then). The opening read moves to the new
 * start: the old opening read less the usage of the days gained before it, or plus the usage of the
 * days lost after it, flagged adjusted with the reason given. Earlier versions are kept by the store.
 *
 * <p>A reposted day is a version of its own kind ({@link ValidatedDay#repost()} above 0, the reason
 * with it): no delivery of the head-end shares its key, so a later delivery is stored next to it as
 * a newer version, keeping its adjustment (see {@code VeeEngine}), instead of replacing it.
 */
public final class Repost {

  private Repost() {}

  /**
   * @param stored     the newest stored version of each day of the meter's channel that exists, over
   *                   the old and new service and before
   * @param openingWas the opening register value at the old start, in the channel's unit, if read
   * @param today      days from today on are not reposted (an open service runs to now)
   * @param version    the revision of the newest stored version of these days: the reposted days
   *                   sort after it and before every later delivery
   * @param repost     the repost number after {@code version}, above every stored one of that revision
   */
  public record Input(
      MeterId meter, Channel channel, int intervalMinutes, int scale, ServiceDates was, ServiceDates now,
      Map<LocalDate, ValidatedDay> stored, Optional<Long> openingWas, AdjustmentReason reason, LocalDate today,
      Instant postedAt, long version, int repost) {

    public Input {
      if (repost < 1) {
        throw new IllegalArgumentException("a repost is numbered from 1, found " + repost);
      }
    }
  }

  /** The opening read at the new start, flagged adjusted (and estimated when any day behind it was). */
  public record OpeningRead(LocalDate day, long value, boolean adjusted, boolean estimated, AdjustmentReason reason) {}

  /**
   * @param opening     empty when there was no opening read to move
   * @param unestimable days to repost with neither data nor a stored day to estimate them from
   */
  public record Plan(List<ValidatedDay> reposted, List<LocalDate> withdrawn, Optional<OpeningRead> opening,
      List<LocalDate> unestimable) {}

  public static Plan plan(Input in) {
    long[] profile = profile(in);
    List<ValidatedDay> reposted = new ArrayList<>();
    List<LocalDate> withdrawn = new ArrayList<>();
    List<LocalDate> unestimable = new ArrayList<>();
    for (LocalDate day : changedDays(in)) {
      if (in.now().contains(day)) {
        repost(in, day, profile).ifPresentOrElse(reposted::add, () -> unestimable.add(day));
      } else {
        withdrawn.add(day);
      }
    }
    return new Plan(reposted, withdrawn, opening(in, reposted, profile), unestimable);
  }

  /** Days inside exactly one of the two services, up to yesterday. */
  private static List<LocalDate> changedDays(Input in) {
    LocalDate from = min(in.was().start(), in.now().start());
    LocalDate to = min(in.today(), max(in.was().stop().orElse(in.today()), in.now().stop().orElse(in.today())));
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      if (in.was().contains(d) != in.now().contains(d)) {
        days.add(d);
      }
    }
    return days;
  }

  private static Optional<ValidatedDay> repost(Input in, LocalDate day, long[] profile) {
    ValidatedDay stored = in.stored().get(day);
    if (stored != null) {
      int[] flags = stored.flags();
      Arrays.setAll(flags, i -> flags[i] | VeeFlag.ADJUSTED.bit());
      return Optional.of(new ValidatedDay(stored.meter(), stored.channel(), day, stored.intervalMinutes(),
          stored.scale(), stored.values(), stored.status(), flags, stored.source(), stored.readAt(), in.postedAt(),
          in.version(), in.repost(), Optional.of(in.reason().wireName())));
    }
    if (profile == null) {
      return Optional.empty();
    }
    return Optional.of(estimated(in, day, profile));
  }

  private static ValidatedDay estimated(Input in, LocalDate day, long[] profile) {
    IntervalStatus[] status = new IntervalStatus[profile.length];
    Arrays.fill(status, IntervalStatus.ESTIMATED);
    int[] flags = new int[profile.length];
    Arrays.fill(flags, VeeFlag.ESTIMATED_LIKE_DAY.bit() | VeeFlag.ADJUSTED.bit());
    return new ValidatedDay(in.meter(), in.channel(), day, in.intervalMinutes(), in.scale(), profile, status, flags,
        ReadingSource.SCHEDULED, in.postedAt(), in.postedAt(), in.version(), in.repost(),
        Optional.of(in.reason().wireName()));
  }

  /**
   * The per-interval mean of the stored days inside both services (the days whose data stands), or
   * of all stored days of the meter's interval length if there are none; null when nothing is stored.
   */
  private static long[] profile(Input in) {
    List<ValidatedDay> reference = in.stored().values().stream()
        .filter(d -> d.intervalMinutes() == in.intervalMinutes() && d.scale() == in.scale())
        .filter(d -> in.now().contains(d.day()) && in.was().contains(d.day())).toList();
    if (reference.isEmpty()) {
      reference = in.stored().values().stream()
          .filter(d -> d.intervalMinutes() == in.intervalMinutes() && d.scale() == in.scale()).toList();
    }
    if (reference.isEmpty()) {
      return null;
    }
    long[] sums = new long[1440 / in.intervalMinutes()];
    for (ValidatedDay d : reference) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] += d.value(i);
      }
    }
    int n = reference.size();
    Arrays.setAll(sums, i -> Math.round((double) sums[i] / n));
    return sums;
  }

  private static Optional<OpeningRead> opening(Input in, List<ValidatedDay> reposted, long[] profile) {
    if (in.openingWas().isEmpty()) {
      return Optional.empty();
    }
    long openingWas = in.openingWas().get();
    LocalDate newStart = in.now().start();
    LocalDate oldStart = in.was().start();
    if (newStart.equals(oldStart)) {
      return Optional.of(new OpeningRead(oldStart, openingWas, false, false, in.reason()));
    }
    boolean earlier = newStart.isBefore(oldStart);
    LocalDate from = earlier ? newStart : oldStart;
    LocalDate to = earlier ? oldStart : newStart;
    long units = 0;
    boolean estimated = false;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      LocalDate day = d;
      ValidatedDay data = reposted.stream().filter(r -> r.day().equals(day)).findFirst()
          .orElse(in.stored().get(day));
      if (data == null && profile != null) {
        data = estimated(in, day, profile);
      }
      if (data == null) {
        estimated = true;
        continue;
      }
      estimated |= Arrays.stream(data.status()).anyMatch(s -> s == IntervalStatus.ESTIMATED);
      units += inUnits(data);
    }
    long value = earlier ? Math.max(0, openingWas - units) : openingWas + units;
    return Optional.of(new OpeningRead(newStart, value, true, estimated, in.reason()));
  }

  /** A day's total in the channel's whole unit (the register's unit). */
  private static long inUnits(ValidatedDay day) {
    long sum = Arrays.stream(day.values()).sum();
    return BigDecimal.valueOf(sum).scaleByPowerOfTen(day.scale()).longValue();
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
