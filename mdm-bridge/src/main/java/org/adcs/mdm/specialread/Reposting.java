package org.adcs.mdm.specialread;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.RegisterStore;
import org.adcs.mdm.usage.ChannelMapping;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Reposts a service point's data when a master-data change moves its start or stop date after data
 * was posted (R-MD-2): per meter at a moved edge and channel, the {@link Repost} plan is computed from
 * the stored days, its days are written as new versions (the earlier ones stay, R-VEE-3; a repost's
 * version key is one no delivery takes, see {@link ValidatedDay}) and the
 * repost is recorded with its adjusted opening read. Calls block; nothing is reposted when no data of
 * the meter was posted near the change.
 */
public final class Reposting {

  /** Stored days next to a moved edge that give the profile for estimates. */
  static final int REFERENCE_DAYS = 14;

  private final IntervalStore intervals;
  private final RegisterStore registers;
  private final SpecialReadStore records;
  private final ZoneOffset zone;
  private final Duration timeout;

  public Reposting(IntervalStore intervals, RegisterStore registers, SpecialReadStore records, ZoneOffset zone,
      Duration timeout) {
    this.intervals = intervals;
    this.registers = registers;
    this.records = records;
    this.zone = zone;
    this.timeout = timeout;
  }

  public List<SpecialReadStore.RepostRecord> onChange(ServicePointTimeline before, ServicePointTimeline after,
      Instant now) {
    Optional<ServiceDates> was = ServiceDates.of(before, zone);
    Optional<ServiceDates> is = ServiceDates.of(after, zone);
    if (was.isEmpty() || is.isEmpty() || was.equals(is)) {
      return List.of();
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<SpecialReadStore.RepostRecord> done = new ArrayList<>();
    for (Period edge : edges(after, was.get(), is.get())) {
      for (String name : edge.state().channels()) {
        MeterId meter = new MeterId(edge.state().meter());
        Channel channel = ChannelMapping.channel(name);
        repost(meter, channel, after.sdpId(), was.get(), is.get(), today, now).ifPresent(done::add);
      }
    }
    return done;
  }

  /** The periods at the moved start and at the moved stop (one when both are the same period). */
  private static Set<Period> edges(ServicePointTimeline after, ServiceDates was, ServiceDates is) {
    Set<Period> edges = new LinkedHashSet<>();
    List<Period> periods = after.periods();
    if (!was.start().equals(is.start())) {
      edges.add(periods.get(0));
    }
    if (!was.stop().equals(is.stop())) {
      edges.add(periods.get(periods.size() - 1));
    }
    return edges;
  }

  private Optional<SpecialReadStore.RepostRecord> repost(MeterId meter, Channel channel, String sdpId,
      ServiceDates was, ServiceDates is, LocalDate today, Instant now) {
    Map<LocalDate, ValidatedDay> stored = new HashMap<>();
    Map<LocalDate, CompletableFuture<Optional<ValidatedDay>>> pending = new HashMap<>();
    for (LocalDate day : daysToLoad(was, is, today)) {
      pending.put(day, intervals.validatedAsOf(meter, channel, day, Long.MAX_VALUE).toCompletableFuture());
    }
    pending.forEach((day, f) -> await(f).ifPresent(d -> stored.put(day, d)));
    Optional<ValidatedDay> sample = stored.values().stream().findFirst();
    if (sample.isEmpty()) {
      return Optional.empty();
    }
    // Keyed after the newest stored version, never as a delivery's revision (which the next
    // delivery from the head-end would take, overwriting the repost).
    ValidatedDay newest = stored.values().stream().max(ValidatedDay.OLDEST_FIRST).orElseThrow();
    Optional<Long> opening = await(registers.readAt(meter, channel, was.start().atStartOfDay()).toCompletableFuture())
        .map(r -> r.scale() >= 0 ? r.value() * (long) Math.pow(10, r.scale())
            : r.value() / (long) Math.pow(10, -r.scale()));
    Repost.Plan plan = Repost.plan(new Repost.Input(meter, channel, sample.get().intervalMinutes(),
        sample.get().scale(), was, is, stored, opening, AdjustmentReason.OVER_UNDER_READ, today, now,
        newest.version(), newest.repost() + 1));
    List<CompletableFuture<?>> writes = new ArrayList<>();
    plan.reposted().forEach(d -> writes.add(intervals.writeValidated(d).toCompletableFuture()));
    writes.forEach(this::await);
    return Optional.of(await(records.saveRepost(sdpId, was, is, AdjustmentReason.OVER_UNDER_READ, plan)
        .toCompletableFuture()));
  }

  /** The days inside one service only, and up to {@link #REFERENCE_DAYS} inside both next to each edge. */
  static Set<LocalDate> daysToLoad(ServiceDates was, ServiceDates is, LocalDate today) {
    Set<LocalDate> days = new TreeSet<>();
    LocalDate from = was.start().isBefore(is.start()) ? was.start() : is.start();
    LocalDate laterStart = was.start().isAfter(is.start()) ? was.start() : is.start();
    LocalDate end = latest(was.stop(), is.stop(), today);
    LocalDate earlierStop = earliest(was.stop(), is.stop(), today);
    for (LocalDate d = from; d.isBefore(end); d = d.plusDays(1)) {
      boolean inWas = was.contains(d);
      boolean inIs = is.contains(d);
      boolean nearStart = !was.start().equals(is.start()) && !d.isBefore(laterStart) && d.isBefore(laterStart.plusDays(REFERENCE_DAYS));
      boolean nearStop = !was.stop().equals(is.stop()) && d.isBefore(earlierStop) && !d.isBefore(earlierStop.minusDays(REFERENCE_DAYS));
      if (inWas != inIs || (inWas && (nearStart || nearStop))) {
        days.add(d);
      }
    }
    return days;
  }

  private static LocalDate earliest(Optional<LocalDate> a, Optional<LocalDate> b, LocalDate today) {
    LocalDate x = a.orElse(today);
    LocalDate y = b.orElse(today);
    LocalDate earlier = x.isBefore(y) ? x : y;
    return earlier.isAfter(today) ? today : earlier;
  }

  private static LocalDate latest(Optional<LocalDate> a, Optional<LocalDate> b, LocalDate today) {
    LocalDate x = a.orElse(today);
    LocalDate y = b.orElse(today);
    LocalDate later = x.isAfter(y) ? x : y;
    return later.isAfter(today) ? today : later;
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reposting", e);
    } catch (Exception e) {
      throw new IllegalStateException("reposting could not use the store: " + e.getMessage(), e);
    }
  }
}
