package org.adcs.mdm.bridge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;

/**
 * Nightly deliveries of a residential meter with import and export channels, whose midnight
 * registers are the running sums of its intervals (so clean days pass the sum check).
 */
final class Deliveries {

  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);

  private Deliveries() {}

  static long interval(MeterId meter, Channel channel, LocalDate day, int i) {
    int seed = Math.floorMod((meter.value() + channel.name() + day).hashCode() + i * 31, 97);
    double hour = i / 4.0;
    if (channel.equals(Channel.ACTIVE_EXPORT)) {
      return hour >= 9 && hour < 15 ? 150 + seed : 0;
    }
    double base = hour < 6.5 ? 60 : hour < 9 ? 240 : hour < 17 ? 110 : hour < 22 ? 380 : 140;
    return Math.round(base + seed);
  }

  static long[] day(MeterId meter, Channel channel, LocalDate day) {
    long[] v = new long[96];
    for (int i = 0; i < 96; i++) {
      v[i] = interval(meter, channel, day, i);
    }
    return v;
  }

  /** The register at the start of {@code day}: the sum of everything before it, from 1,000,000 Wh. */
  static long registerAt(MeterId meter, Channel channel, LocalDate day) {
    long total = 1_000_000;
    for (LocalDate d = FIRST_DAY.minusDays(35); d.isBefore(day); d = d.plusDays(1)) {
      for (long v : day(meter, channel, d)) {
        total += v;
      }
    }
    return total;
  }

  /** The push for {@code day}, read early the next morning: both channels, bounding registers, events. */
  static CollectedReadings nightly(MeterId meter, LocalDate day, long revision, BitSet present, long[] importOverride) {
    Instant readAt = day.plusDays(1).atTime(2, 20).toInstant(java.time.ZoneOffset.UTC);
    List<IntervalDay> days = new ArrayList<>();
    List<RegisterRead> registers = new ArrayList<>();
    for (Channel channel : List.of(Channel.ACTIVE_IMPORT, Channel.ACTIVE_EXPORT)) {
      long[] values = channel.equals(Channel.ACTIVE_IMPORT) && importOverride != null ? importOverride : day(meter, channel, day);
      days.add(new IntervalDay(meter, channel, day, 15, 0, values,
          channel.equals(Channel.ACTIVE_IMPORT) ? present : all(), new int[96], ReadingSource.SCHEDULED, readAt, revision));
      for (LocalDate at : List.of(day, day.plusDays(1))) {
        registers.add(new RegisterRead(meter, channel, at.atStartOfDay(), registerAt(meter, channel, at), 0,
            ReadingSource.SCHEDULED, readAt, revision));
      }
    }
    List<MeterEvent> events = List.of(new MeterEvent(meter, MeterEventType.POWER_OUTAGE, 1, day.atTime(13, 2, 11),
        revision * 2, ReadingSource.SCHEDULED, readAt), new MeterEvent(meter, MeterEventType.POWER_RESTORED, 2,
        day.atTime(13, 4, 40), revision * 2 + 1, ReadingSource.SCHEDULED, readAt));
    return new CollectedReadings(meter, revision, readAt.plus(Duration.ofSeconds(3)), days, registers, events);
  }

  /** A recovery read of part of one day's import channel. */
  static CollectedReadings recovery(MeterId meter, LocalDate day, long revision, int from, int to) {
    Instant readAt = day.plusDays(1).atTime(8, 30).toInstant(java.time.ZoneOffset.UTC);
    long[] values = new long[96];
    BitSet present = new BitSet();
    for (int i = from; i < to; i++) {
      values[i] = interval(meter, Channel.ACTIVE_IMPORT, day, i);
      present.set(i);
    }
    IntervalDay partial = new IntervalDay(meter, Channel.ACTIVE_IMPORT, day, 15, 0, values, present, new int[96],
        ReadingSource.RECOVERY, readAt, revision);
    return new CollectedReadings(meter, revision, readAt.plusSeconds(2), List.of(partial), List.of(), List.of());
  }

  static BitSet all() {
    BitSet b = new BitSet();
    b.set(0, 96);
    return b;
  }
}
