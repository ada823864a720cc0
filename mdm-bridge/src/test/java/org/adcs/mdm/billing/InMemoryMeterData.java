package org.adcs.mdm.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToLongFunction;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;

/** Validated days and register reads held in maps, behind the real {@link MeterData} interface. */
final class InMemoryMeterData implements MeterData {

  static final ZoneOffset STANDARD = ZoneOffset.ofHours(-5);
  static final Channel KWH = new Channel("active-import", "kWh");
  /** Values are kept in thousandths of a kWh. */
  static final int SCALE = -3;

  private final Map<String, ValidatedDay> days = new HashMap<>();
  private final List<RegisterRead> reads = new ArrayList<>();

  /** Stores a validated day whose interval {@code i} holds {@code milli.applyAsLong(i)} thousandths. */
  ValidatedDay day(String meter, LocalDate day, int minutes, IntToLongFunction milli) {
    int n = 1440 / minutes;
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = milli.applyAsLong(i);
    }
    IntervalStatus[] status = new IntervalStatus[n];
    Arrays.fill(status, IntervalStatus.VALID);
    Instant posted = day.plusDays(1).atStartOfDay().toInstant(STANDARD);
    ValidatedDay v = new ValidatedDay(new MeterId(meter), KWH, day, minutes, SCALE, values, status, new int[n],
        ReadingSource.SCHEDULED, posted, posted, 1);
    put(v);
    return v;
  }

  void put(ValidatedDay v) {
    days.put(v.meter().value() + "|" + v.channel().name() + "|" + v.day(), v);
  }

  /** Marks one interval of a stored day with {@code status}. */
  void mark(String meter, LocalDate day, int interval, IntervalStatus status) {
    ValidatedDay v = days.get(meter + "|" + KWH.name() + "|" + day);
    IntervalStatus[] all = v.status();
    all[interval] = status;
    put(new ValidatedDay(v.meter(), v.channel(), v.day(), v.intervalMinutes(), v.scale(), v.values(), all,
        v.flags(), v.source(), v.readAt(), v.postedAt(), v.version() + 1));
  }

  void remove(String meter, LocalDate day) {
    days.remove(meter + "|" + KWH.name() + "|" + day);
  }

  /** A register read in thousandths of a kWh at {@code at} (meter standard time). */
  void read(String meter, LocalDateTime at, long milli) {
    reads.add(new RegisterRead(new MeterId(meter), KWH, at, milli, SCALE, ReadingSource.SCHEDULED,
        at.toInstant(STANDARD), 1));
  }

  /** A register read at {@code at} agreeing with the stored intervals: {@code start} plus all before it. */
  void consistentRead(String meter, LocalDateTime at, BigDecimal start) {
    Instant when = at.toInstant(STANDARD);
    BigDecimal total = start;
    for (ValidatedDay v : days.values()) {
      if (!v.meter().value().equals(meter)) {
        continue;
      }
      Instant dayStart = v.day().atStartOfDay().toInstant(STANDARD);
      for (int i = 0; i < v.intervalCount(); i++) {
        if (!dayStart.plusSeconds((i + 1L) * v.intervalMinutes() * 60).isAfter(when)) {
          total = total.add(BigDecimal.valueOf(v.value(i), -v.scale()));
        }
      }
    }
    read(meter, at, total.movePointRight(-SCALE).longValueExact());
  }

  @Override
  public Optional<ValidatedDay> validatedDay(String meter, String channel, LocalDate day) {
    return Optional.ofNullable(days.get(meter + "|" + channel + "|" + day));
  }

  @Override
  public List<RegisterRead> firstAndLastRead(String meter, String channel, LocalDateTime from, LocalDateTime to) {
    List<RegisterRead> in = reads.stream()
        .filter(r -> r.meter().value().equals(meter) && r.channel().name().equals(channel))
        .filter(r -> !r.readAt().isBefore(from) && !r.readAt().isAfter(to))
        .sorted(Comparator.comparing(RegisterRead::readAt)).toList();
    return in.size() <= 1 ? in : List.of(in.get(0), in.get(in.size() - 1));
  }
}
