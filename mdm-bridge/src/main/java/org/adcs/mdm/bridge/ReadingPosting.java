package org.adcs.mdm.bridge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.adcs.mdm.metrics.BridgeMetrics;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.routing.EventRouter;
import org.adcs.mdm.store.CompletenessStore;
import org.adcs.mdm.store.EventStore;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.RegisterStore;
import org.adcs.mdm.vee.MeterHistory;
import org.adcs.mdm.vee.RawDayMerge;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.VeeEngine;
import org.adcs.mdm.vee.VeeLevel;

/**
 * Posts one delivery to the MDM store: events and registers first (VEE needs the registers that
 * bound a day), then each day in date order: raw as delivered, merged with earlier deliveries,
 * validated and estimated against the meter's history as of this delivery, and its completeness.
 *
 * <p>Everything VEE sees is "as of" the delivery's revision, and every key and write timestamp comes
 * from the data, so posting the same delivery again, or replaying the whole journal, leaves the
 * store exactly as it was.
 */
public final class ReadingPosting {

  private final IntervalStore intervals;
  private final RegisterStore registers;
  private final EventStore events;
  private final CompletenessStore completeness;
  private final VeeEngine vee;
  private final int likeDayWeeks;
  private final Executor continuations;
  private final EventRouter router;
  private final PostingGate gate;

  /**
   * @param continuations runs the steps after each store round trip; it may block briefly when the
   *                      store's in-flight bound is reached, so never the driver's own I/O threads
   */
  public ReadingPosting(IntervalStore intervals, RegisterStore registers, EventStore events,
      CompletenessStore completeness, VeeEngine vee, int likeDayWeeks, Executor continuations) {
    this(intervals, registers, events, completeness, vee, likeDayWeeks, continuations, null);
  }

  /** @param router routes each event to its subscribers once it is stored (R-EV-2); null for none */
  public ReadingPosting(IntervalStore intervals, RegisterStore registers, EventStore events,
      CompletenessStore completeness, VeeEngine vee, int likeDayWeeks, Executor continuations, EventRouter router) {
    this(intervals, registers, events, completeness, vee, likeDayWeeks, continuations, router, PostingGate.OPEN);
  }

  private ReadingPosting(IntervalStore intervals, RegisterStore registers, EventStore events,
      CompletenessStore completeness, VeeEngine vee, int likeDayWeeks, Executor continuations, EventRouter router,
      PostingGate gate) {
    this.gate = gate;
    this.intervals = intervals;
    this.registers = registers;
    this.events = events;
    this.completeness = completeness;
    this.vee = vee;
    this.likeDayWeeks = likeDayWeeks;
    this.continuations = continuations;
    this.router = router;
  }

  /**
   * The same posting, with days the gate does not admit kept raw only (the gate records why); they are
   * posted when posted again once admitted.
   */
  public ReadingPosting withGate(PostingGate newGate) {
    return new ReadingPosting(intervals, registers, events, completeness, vee, likeDayWeeks, continuations, router,
        newGate);
  }

  /** @return the validated days, in date and channel order, once everything is written; not the days the gate held */
  public CompletionStage<List<ValidatedDay>> post(CollectedReadings delivery, VeeLevel level) {
    List<CompletableFuture<?>> first = new ArrayList<>();
    // Stored first, then routed: a subscriber never hears of an event the store does not have.
    // Routing goes through the bounded session, which may block for a free slot: never on the driver's
    // I/O thread that completed the write (blocked, it stops reading the very answers that free slots,
    // and an outage storm deadlocks the node), hence the Async hop here and below.
    delivery.events().forEach(e -> first.add(events.write(e).toCompletableFuture()
        .thenComposeAsync(stored -> router == null ? CompletableFuture.completedFuture(0) : router.route(e),
            continuations)));
    delivery.registers().forEach(r -> first.add(registers.write(r, delivery.postedAt()).toCompletableFuture()));
    CompletableFuture<Void> prerequisites = CompletableFuture.allOf(first.toArray(CompletableFuture[]::new));
    // Channels are independent; within a channel, days go in date order (a day's history is the days before).
    Map<String, List<IntervalDay>> byChannel = new TreeMap<>();
    for (IntervalDay day : delivery.days()) {
      byChannel.computeIfAbsent(day.channel().name(), c -> new ArrayList<>()).add(day);
    }
    List<CompletableFuture<List<ValidatedDay>>> channels = new ArrayList<>();
    for (List<IntervalDay> days : byChannel.values()) {
      days.sort(Comparator.comparing(IntervalDay::day));
      CompletableFuture<List<ValidatedDay>> chain = prerequisites.thenApplyAsync(done -> new ArrayList<>(), continuations);
      for (IntervalDay day : days) {
        chain = chain.thenComposeAsync(posted -> gate.admit(day, delivery)
            ? postDay(day, delivery, level).thenApply(v -> {
              posted.add(v);
              return posted;
            })
            : intervals.writeRaw(day).toCompletableFuture().thenApply(kept -> posted), continuations);
      }
      channels.add(chain);
    }
    // Done once everything is written, the events and registers included: a delivery without days
    // has no day chain to wait for them, and its poster (the bridge's projection) stores its offset then.
    List<CompletableFuture<?>> everything = new ArrayList<>(channels);
    everything.add(prerequisites);
    return CompletableFuture.allOf(everything.toArray(CompletableFuture[]::new)).thenApply(done -> channels.stream()
        .flatMap(c -> c.join().stream())
        .sorted(Comparator.comparing(ValidatedDay::day).thenComparing(v -> v.channel().name()))
        .toList());
  }

  private CompletableFuture<ValidatedDay> postDay(IntervalDay delivered, CollectedReadings delivery, VeeLevel level) {
    long before = delivery.revision() - 1;
    var meter = delivered.meter();
    var channel = delivered.channel();
    LocalDate date = delivered.day();

    var storedRaw = intervals.rawAsOf(meter, channel, date, before).toCompletableFuture();
    var previousVersion = intervals.validatedAsOf(meter, channel, date, before).toCompletableFuture();
    Map<LocalDate, CompletableFuture<Optional<ValidatedDay>>> historyDays = new HashMap<>();
    historyDays.put(date.minusDays(1), intervals.validatedAsOf(meter, channel, date.minusDays(1), delivery.revision())
        .toCompletableFuture());
    for (int week = 1; week <= likeDayWeeks; week++) {
      LocalDate like = date.minusWeeks(week);
      historyDays.put(like, intervals.validatedAsOf(meter, channel, like, delivery.revision()).toCompletableFuture());
    }
    var startRegister = registers.readAt(meter, channel, date.atStartOfDay(), delivery.revision()).toCompletableFuture();
    var endRegister = registers.readAt(meter, channel, date.plusDays(1).atStartOfDay(), delivery.revision())
        .toCompletableFuture();

    List<CompletableFuture<?>> lookups = new ArrayList<>(historyDays.values());
    lookups.addAll(List.of(storedRaw, previousVersion, startRegister, endRegister));
    return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenComposeAsync(ready -> {
      MeterHistory history = new SnapshotHistory(historyDays, startRegister.join(), endRegister.join(), date);
      IntervalDay merged = RawDayMerge.merge(storedRaw.join(), delivered);
      ValidatedDay validated = vee.validate(merged, previousVersion.join(), history, level, delivery.postedAt());
      for (IntervalStatus status : IntervalStatus.values()) {
        long count = validated.count(status);
        if (count > 0) {
          BridgeMetrics.VEE_INTERVALS.labelValues(status.code()).inc(count);
        }
      }
      return CompletableFuture.allOf(
              intervals.writeRaw(delivered).toCompletableFuture(),
              intervals.writeValidated(validated).toCompletableFuture(),
              completeness.write(validated).toCompletableFuture())
          .thenComposeAsync(written -> router == null ? CompletableFuture.completedFuture(0) : router.route(validated),
              continuations)
          .thenApply(routed -> validated);
    }, continuations);
  }

  /** The history VEE sees for one day, loaded up front. */
  private record SnapshotHistory(Map<LocalDate, CompletableFuture<Optional<ValidatedDay>>> days,
      Optional<RegisterRead> start, Optional<RegisterRead> end, LocalDate date) implements MeterHistory {

    @Override
    public Optional<ValidatedDay> validatedDay(LocalDate day) {
      var loaded = days.get(day);
      return loaded == null ? Optional.empty() : loaded.join();
    }

    @Override
    public Optional<RegisterRead> register(java.time.LocalDateTime at) {
      if (at.equals(date.atStartOfDay())) {
        return start;
      }
      return at.equals(date.plusDays(1).atStartOfDay()) ? end : Optional.empty();
    }
  }
}
