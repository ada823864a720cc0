package org.adcs.headend.faults;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.HeadEnd;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * The store compared value by value with the simulator's ground truth: every interval of both
 * channels, every midnight register, every event. A value is lost when it is missing, flagged as a
 * gap or different from the meter's; a day stored in more than one version, or an event stored more
 * often than it happened, counts as duplicated.
 */
final class StoreTruth {

  static final Channel EXPORT = new Channel("active-export", "Wh");

  record Figures(int expected, int stored, int lost, int duplicated, int notResent, List<String> firstProblems) {

    boolean exact() {
      return lost == 0 && duplicated == 0 && stored == expected;
    }

    @Override
    public String toString() {
      return "readings expected " + expected + ", stored " + stored + ", lost " + lost + ", duplicated " + duplicated
          + (notResent == 0 ? "" : " (besides " + notResent + " registers and events of unacknowledged pushes, which a"
          + " meter never sends again)") + (firstProblems.isEmpty() ? "" : ", first problems " + firstProblems);
    }
  }

  /**
   * What the meters never send again: the midnight registers of scheduled pushes the head-end did not
   * acknowledge ({@link #registerKey}s), and the events of events-only pushes it did not acknowledge,
   * which a meter marks sent as they leave (R-EV-1): those that occurred within [eventsFrom, eventsUntil].
   */
  record NotResent(Set<String> registers, Instant eventsFrom, Instant eventsUntil) {
    static final NotResent NOTHING = new NotResent(Set.of(), Instant.MAX, Instant.MIN);

    boolean event(Instant at) {
      return !at.isBefore(eventsFrom) && !at.isAfter(eventsUntil);
    }
  }

  private StoreTruth() {}

  /**
   * Compares the days [firstDay, firstDay + days) and the events until now of every meter of the fleet.
   *
   * @param notResent what the meters never sent again, expected only if the store has it
   */
  static Figures compare(Fleet fleet, HeadEnd node, LocalDate firstDay, int days, Instant now, NotResent notResent) {
    int expected = 0;
    int stored = 0;
    int lost = 0;
    int duplicated = 0;
    int unsent = 0;
    List<String> problems = new ArrayList<>();
    long start = firstDay.toEpochDay() * MeterHistory.DAY_SECONDS;
    long lastLocal = firstDay.plusDays(days).toEpochDay() * MeterHistory.DAY_SECONDS;
    for (int i = 0; i < fleet.size(); i++) {
      SimulatedMeter meter = fleet.meter(i);
      MeterId id = new MeterId(meter.name());
      for (int d = 0; d < days; d++) {
        LocalDate day = firstDay.plusDays(d);
        long fromLocal = day.toEpochDay() * MeterHistory.DAY_SECONDS;
        List<IntervalReading> truth = meter.intervals(fromLocal + 1, fromLocal + MeterHistory.DAY_SECONDS, now);
        for (Channel channel : List.of(Channel.ACTIVE_IMPORT, EXPORT)) {
          expected += truth.size();
          List<ValidatedDay> versions = node.bridge().store().intervals().versions(id, channel, day)
              .toCompletableFuture().join();
          if (versions.size() > 1) {
            duplicated += versions.size() - 1;
            note(problems, meter.name() + " " + channel.name() + " " + day + " in " + versions.size() + " versions");
          }
          Optional<ValidatedDay> latest = versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
          boolean imports = channel.equals(Channel.ACTIVE_IMPORT);
          int scaler = imports ? meter.spec().importUnit().scaler() : meter.spec().exportUnit().scaler();
          for (IntervalReading reading : truth) {
            int index = (int) ((reading.end().getEpochSecond() - fromLocal - 900) / 900);
            BigDecimal want = engineering(imports ? reading.importRaw() : reading.exportRaw(), scaler);
            if (latest.isPresent() && !latest.get().has(index, VeeFlag.GAP)
                && want.equals(engineering(latest.get().value(index), latest.get().scale()))) {
              stored++;
            } else {
              lost++;
              note(problems, meter.name() + " " + channel.name() + " " + day + " interval " + index);
            }
          }
        }
      }
      for (MidnightRegisters midnight : meter.midnights(start + 1, lastLocal, now)) {
        LocalDateTime at = LocalDateTime.ofInstant(midnight.midnight(), ZoneOffset.UTC);
        int got = register(node, id, Channel.ACTIVE_IMPORT, at,
            engineering(midnight.importRaw(), meter.spec().importUnit().scaler()))
            + register(node, id, EXPORT, at, engineering(midnight.exportRaw(), meter.spec().exportUnit().scaler()));
        if (got == 0 && notResent.registers().contains(registerKey(meter, midnight.midnight()))) {
          unsent += 2;
          continue;
        }
        expected += 2;
        stored += got;
        if (got < 2) {
          lost += 2 - got;
          note(problems, meter.name() + " register at " + at);
        }
      }
      Map<String, Integer> truthEvents = new HashMap<>();
      Set<String> mayBeUnsent = new HashSet<>();
      for (MeterEvent e : meter.events(start + 1, meter.eventsPushedUntilLocal(), now)) {
        String key = LocalDateTime.ofInstant(e.time(), ZoneOffset.UTC) + "/" + e.code();
        truthEvents.merge(key, 1, Integer::sum);
        if (notResent.event(e.time())) {
          mayBeUnsent.add(key);
        }
        expected++;
      }
      Map<String, Integer> storedEvents = new HashMap<>();
      node.bridge().store().events().events(id, firstDay.atStartOfDay(),
              LocalDateTime.ofInstant(now, ZoneOffset.UTC).plusDays(1)).toCompletableFuture().join()
          .forEach(e -> storedEvents.merge(e.occurredAt() + "/" + e.code(), 1, Integer::sum));
      for (var e : truthEvents.entrySet()) {
        int have = storedEvents.getOrDefault(e.getKey(), 0);
        stored += Math.min(have, e.getValue());
        if (have < e.getValue() && mayBeUnsent.contains(e.getKey())) {
          unsent += e.getValue() - have;
          expected -= e.getValue() - have;
        } else if (have < e.getValue()) {
          lost += e.getValue() - have;
          note(problems, meter.name() + " event " + e.getKey() + " missing");
        }
      }
      for (var e : storedEvents.entrySet()) {
        int extra = e.getValue() - truthEvents.getOrDefault(e.getKey(), 0);
        if (extra > 0) {
          duplicated += extra;
          note(problems, meter.name() + " event " + e.getKey() + " stored " + e.getValue() + " times");
        }
      }
    }
    return new Figures(expected, stored, lost, duplicated, unsent, problems);
  }

  /** Names a meter's midnight register. */
  static String registerKey(SimulatedMeter meter, Instant midnight) {
    return meter.name() + "@" + midnight;
  }

  /**
   * Compares until the store matches exactly or the time is up, then returns the last figures. A
   * store that cannot be read yet (its session reconnecting) counts as nothing stored.
   */
  static Figures awaitExact(Fleet fleet, HeadEnd node, LocalDate firstDay, int days, Instant now,
      NotResent notResent) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (true) {
      Figures figures;
      try {
        figures = compare(fleet, node, firstDay, days, now, notResent);
      } catch (RuntimeException e) {
        figures = new Figures(1, 0, 1, 0, 0, List.of("store not readable: " + e));
      }
      if (figures.exact() || System.nanoTime() > deadline) {
        return figures;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  private static int register(HeadEnd node, MeterId id, Channel channel, LocalDateTime at, BigDecimal want) {
    Optional<RegisterRead> read = node.bridge().store().registers().readAt(id, channel, at).toCompletableFuture().join();
    return read.isPresent() && want.equals(engineering(read.get().value(), read.get().scale())) ? 1 : 0;
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < 5) {
      problems.add(problem);
    }
  }

  private static BigDecimal engineering(long value, int scale) {
    return BigDecimal.valueOf(value).scaleByPowerOfTen(scale).stripTrailingZeros();
  }
}
