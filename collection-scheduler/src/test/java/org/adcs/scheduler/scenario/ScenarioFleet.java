package org.adcs.scheduler.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;

/**
 * A fleet of in-memory meters with injected faults, standing in for the simulator and the store: each
 * night a reachable meter delivers the day, each morning the scheduler's recovery reads reach a
 * reachable meter and fill the days it still has in memory. Thread-safe enough for one actor system:
 * every method is synchronized.
 */
final class ScenarioFleet implements MeterPort, CompletenessReadSide {

  static final ZoneOffset OFFSET = ZoneOffset.ofHours(-5);
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  /** One meter's faults and what the store holds of it. */
  static final class Meter {
    final Set<LocalDate> missing = new HashSet<>();
    /** Days the meter recorded nothing (powered off): lost for good. */
    final Set<LocalDate> noData = new HashSet<>();
    /** Nights, then mornings, when the meter cannot be reached. */
    Predicate<LocalDate> unreachableNight = d -> false;
    Predicate<LocalDate> unreachableMorning = d -> false;
    /** The first read of each morning fails (an intermittent connection). */
    boolean intermittent;
    boolean failedThisMorning;
  }

  private final TreeMap<String, Meter> meters = new TreeMap<>();
  private LocalDate morning;
  private int reads;

  synchronized Meter add(String meterId) {
    Meter meter = new Meter();
    meters.put(meterId, meter);
    return meter;
  }

  /** The night of {@code day}: reachable meters that recorded the day deliver it. */
  synchronized void night(LocalDate day) {
    meters.values().forEach(m -> {
      if (m.unreachableNight.test(day) || m.noData.contains(day)) {
        m.missing.add(day);
      }
    });
  }

  /** The morning after {@code day}: whose reads will be answered. */
  synchronized void morningAfter(LocalDate day) {
    morning = day;
    meters.values().forEach(m -> m.failedThisMorning = false);
  }

  synchronized int reads() {
    return reads;
  }

  @Override
  public synchronized CompletionStage<Page<MeterCompleteness>> completeness(LocalDate lastDay, int span, PageRequest page) {
    var tail = page.after().isPresent() ? meters.tailMap(page.after().get(), false) : meters;
    List<MeterCompleteness> rows = new ArrayList<>();
    String last = null;
    for (Map.Entry<String, Meter> e : tail.entrySet()) {
      if (rows.size() == page.limit()) {
        return CompletableFuture.completedFuture(new Page<>(rows, Optional.of(last)));
      }
      DaySet days = DaySet.all(lastDay, span);
      for (LocalDate d : e.getValue().missing) {
        if (days.covers(d)) {
          days = days.without(d);
        }
      }
      rows.add(new MeterCompleteness(e.getKey(), days, Map.of()));
      last = e.getKey();
    }
    return CompletableFuture.completedFuture(new Page<>(rows, Optional.empty()));
  }

  @Override
  public synchronized CompletionStage<ReadOutcome> read(ReadRequest request) {
    reads++;
    Meter m = meters.get(request.meterId());
    if (m == null || m.unreachableMorning.test(morning)) {
      return CompletableFuture.completedFuture(new ReadOutcome.Failed(request.meterId(), "no answer"));
    }
    if (m.intermittent && !m.failedThisMorning) {
      m.failedThisMorning = true;
      return CompletableFuture.completedFuture(new ReadOutcome.Failed(request.meterId(), "connection dropped"));
    }
    int requested = (int) (request.range().length().toMinutes() / INTERVAL.toMinutes());
    int received = 0;
    for (Instant t = request.range().from(); t.isBefore(request.range().to()); t = t.plus(Duration.ofDays(1))) {
      LocalDate day = LocalDate.ofInstant(t, OFFSET);
      if (!m.noData.contains(day)) {
        m.missing.remove(day);
        received += 96;
      }
    }
    return CompletableFuture.completedFuture(new ReadOutcome.Collected(request.meterId(), requested, received, "scenario:tcp"));
  }

  @Override
  public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
    return CompletableFuture.completedFuture(new ScheduleAck.Acknowledged(meterId, Instant.EPOCH));
  }

  @Override
  public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
    return CompletableFuture.completedFuture(new ScheduleAck.Acknowledged(meterId, Instant.EPOCH));
  }

  @Override
  public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
    return CompletableFuture.completedFuture(new ScheduleVerification(meterId, scheduleId, true));
  }
}
