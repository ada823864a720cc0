package org.adcs.mdm.vee;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;

/** Realistic residential days in Wh per 15 minutes, and an in-memory history, for VEE tests. */
final class Days {

  static final MeterId METER = new MeterId("SIM00000042");
  static final LocalDate DAY = LocalDate.of(2026, 11, 18); // a Wednesday
  static final Instant READ_AT = Instant.parse("2026-11-19T02:20:00Z");
  static final Instant POSTED_AT = Instant.parse("2026-11-19T02:20:05Z");

  private Days() {}

  /** Night base load, a morning and a larger evening peak; {@code factor} scales the whole day. */
  static long[] residential(double factor) {
    long[] v = new long[96];
    for (int i = 0; i < 96; i++) {
      double hour = i / 4.0;
      double load = 60;
      if (hour >= 6.5 && hour < 9) {
        load = 240;
      } else if (hour >= 9 && hour < 17) {
        load = 110;
      } else if (hour >= 17 && hour < 22) {
        load = 380;
      } else if (hour >= 22) {
        load = 140;
      }
      v[i] = Math.round(load * factor + (i % 3) * 7); // a little texture, never constant for long
    }
    return v;
  }

  static IntervalDay day(long[] values) {
    return day(Channel.ACTIVE_IMPORT, DAY, values, all(), new int[96], 1);
  }

  static IntervalDay day(Channel channel, LocalDate date, long[] values, BitSet present, int[] flags, long revision) {
    return new IntervalDay(METER, channel, date, 15, 0, values, present, flags, ReadingSource.SCHEDULED, READ_AT, revision);
  }

  static BitSet all() {
    BitSet b = new BitSet(96);
    b.set(0, 96);
    return b;
  }

  static BitSet allBut(int fromInclusive, int toExclusive) {
    BitSet b = all();
    b.clear(fromInclusive, toExclusive);
    return b;
  }

  static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  /** A mutable history: validated days and midnight registers of one meter channel. */
  static final class History implements MeterHistory {
    final Map<LocalDate, ValidatedDay> days = new HashMap<>();
    final Map<LocalDateTime, RegisterRead> registers = new HashMap<>();

    /** Like days: the same weekday of the previous {@code weeks} weeks, validated clean. */
    History withLikeDays(int weeks, double factor) {
      VeeEngine engine = new VeeEngine(VeeSettings.defaults());
      for (int w = 1; w <= weeks; w++) {
        LocalDate d = DAY.minusWeeks(w);
        days.put(d, engine.validate(day(Channel.ACTIVE_IMPORT, d, residential(factor), all(), new int[96], w),
            Optional.empty(), NONE, VeeLevel.FULL, POSTED_AT));
      }
      return this;
    }

    History withRegisters(long startOfDay, long endOfDay) {
      registers.put(DAY.atStartOfDay(), register(DAY.atStartOfDay(), startOfDay));
      registers.put(DAY.plusDays(1).atStartOfDay(), register(DAY.plusDays(1).atStartOfDay(), endOfDay));
      return this;
    }

    private static RegisterRead register(LocalDateTime at, long value) {
      return new RegisterRead(METER, Channel.ACTIVE_IMPORT, at, value, 0, ReadingSource.SCHEDULED, READ_AT, 1);
    }

    @Override
    public Optional<ValidatedDay> validatedDay(LocalDate day) {
      return Optional.ofNullable(days.get(day));
    }

    @Override
    public Optional<RegisterRead> register(LocalDateTime at) {
      return Optional.ofNullable(registers.get(at));
    }
  }
}
