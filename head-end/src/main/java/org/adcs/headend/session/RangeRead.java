package org.adcs.headend.session;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.adcs.headend.meter.MeterModel;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.MeterReader;

/**
 * The reads of one range read (R-OD-1 on demand, R-MIS-1 recovery) over one DLMS association, in the
 * meter entity's terms: identifier, clock, registers, recording interval, the load profile's rows
 * over the range and the event log. The load profile's rows are {end, status, import, export}; each
 * channel's multiplier is its register's scaler (the profile and the registers count in the same units).
 */
final class RangeRead {

  private final ClientSession session;
  private final Clock clock;
  private final ZoneOffset standardTime;

  RangeRead(ClientSession session, Clock clock, ZoneOffset standardTime) {
    this.session = session;
    this.clock = clock;
    this.standardTime = standardTime;
  }

  /** What the reads return, gathered as they complete (one request at a time on the association). */
  private static final class Gathered {
    String name;
    Instant meterClock;
    MeterReader.RegisterReading imports;
    MeterReader.RegisterReading exports;
    int intervalMinutes = 15;
    List<List<DlmsData>> rows;
  }

  /**
   * @param from null: the meter's last midnight (standard time)
   * @param to   null: now
   */
  CompletableFuture<MeterRequests.ReadResult> run(Instant from, Instant to, MeterModel.Source source) {
    MeterReader reader = new MeterReader(session);
    Instant now = clock.instant();
    Instant start = from != null ? from
        : LocalDateTime.ofInstant(now, standardTime).toLocalDate().atStartOfDay().toInstant(standardTime);
    Instant end = to != null && to.isBefore(now) ? to : now;
    Gathered g = new Gathered();
    // One with-list exchange for identifier, clock, registers and capture period, then the profile
    // and the event log: three round trips (plus blocks) instead of seven (R-OD-1, R-OD-2).
    return reader.snapshot(List.of(ObisCode.ACTIVE_ENERGY_IMPORT, ObisCode.ACTIVE_ENERGY_EXPORT), ObisCode.LOAD_PROFILE)
        .thenCompose(snapshot -> {
          g.name = snapshot.logicalDeviceName();
          g.meterClock = snapshot.clock();
          g.imports = snapshot.registers().get(0);
          g.exports = snapshot.registers().get(1);
          g.intervalMinutes = intervalMinutes(snapshot.capturePeriodSeconds());
          return reader.profile(ObisCode.LOAD_PROFILE, start, end, standardTime);
        })
        .thenCompose(rows -> {
          g.rows = rows;
          return reader.events(start, end, standardTime);
        })
        .thenApply(events -> {
          List<MeterModel.RegisterValue> registers = List.of(
              register("active-import", g.imports, now), register("active-export", g.exports, now));
          MeterModel.Delivery intervals = new MeterModel.Delivery(source, now,
              days(g.rows, start, end, g.intervalMinutes, -g.imports.value().scale(), -g.exports.value().scale()),
              List.of());
          List<MeterModel.LoggedEvent> logged = new ArrayList<>();
          for (var e : events) {
            e.time().toOffsetDateTime().ifPresent(t -> {
              LocalDateTime at = t.withOffsetSameInstant(standardTime).toLocalDateTime();
              logged.add(new MeterModel.LoggedEvent(PushConversion.sequence(at, e.code()), e.code(),
                  EventCodes.typeOf(e.code()), at));
            });
          }
          return new MeterRequests.ReadResult(true, "read", now, g.name, g.meterClock, registers, intervals, logged);
        });
  }

  /** The capture period in minutes; a meter that does not say is taken to record every 15 minutes. */
  private static int intervalMinutes(Optional<Long> capturePeriodSeconds) {
    return capturePeriodSeconds
        .filter(seconds -> seconds >= 60 && seconds <= 3600 && seconds % 60 == 0 && 1440 % (seconds / 60) == 0)
        .map(seconds -> (int) (seconds / 60))
        .orElse(15);
  }

  private MeterModel.RegisterValue register(String channel, MeterReader.RegisterReading reading, Instant at) {
    return new MeterModel.RegisterValue(channel, "Wh", LocalDateTime.ofInstant(at, standardTime),
        reading.value().unscaledValue().longValueExact(), -reading.value().scale());
  }

  /** One parsed profile row. */
  private record Row(LocalDateTime end, long status, long imports, long exports) {}

  /**
   * The complete intervals ending in (start, end], by day; rows of another shape are left out. A
   * day's interval length is the shortest step between its rows (the meter may have been
   * reprogrammed since, R-SCH-7), the current capture period when the day has one row only.
   */
  private List<MeterModel.ChannelDay> days(List<List<DlmsData>> rows, Instant start, Instant end, int capturePeriod,
      int importScaler, int exportScaler) {
    LocalDateTime first = LocalDateTime.ofInstant(start, standardTime);
    LocalDateTime last = LocalDateTime.ofInstant(end, standardTime);
    java.util.TreeMap<LocalDate, List<Row>> byDay = new java.util.TreeMap<>();
    for (List<DlmsData> row : rows) {
      if (row.size() != 4 || !(row.get(0) instanceof DlmsData.OctetString endBytes)) {
        continue;
      }
      Optional<LocalDateTime> ends = CosemDateTime.fromBytes(endBytes.value()).flatMap(CosemDateTime::toOffsetDateTime)
          .map(t -> t.withOffsetSameInstant(standardTime)).map(OffsetDateTime::toLocalDateTime);
      if (ends.isEmpty() || !ends.get().isAfter(first) || ends.get().isAfter(last)) {
        continue;
      }
      try {
        Row parsed = new Row(ends.get(), row.get(1).asLong(), row.get(2).asLong(), row.get(3).asLong());
        byDay.computeIfAbsent(ends.get().minusSeconds(1).toLocalDate(), d -> new ArrayList<>()).add(parsed);
      } catch (IllegalArgumentException notANumber) {
        // a malformed row is left out; the rest of the read stands
      }
    }
    List<MeterModel.ChannelDay> days = new ArrayList<>();
    byDay.forEach((day, dayRows) -> {
      int minutes = intervalOf(dayRows, capturePeriod);
      int perDay = 1440 / minutes;
      long[] imports = new long[perDay];
      long[] exports = new long[perDay];
      int[] status = new int[perDay];
      BitSet present = new BitSet(perDay);
      for (Row row : dayRows) {
        long minuteOfDay = java.time.Duration.between(day.atStartOfDay(), row.end()).toMinutes() - minutes;
        if (minuteOfDay < 0 || minuteOfDay % minutes != 0) {
          continue; // not on this day's interval grid
        }
        int index = (int) (minuteOfDay / minutes);
        status[index] = (int) row.status();
        imports[index] = row.imports();
        exports[index] = row.exports();
        present.set(index);
      }
      days.add(new MeterModel.ChannelDay("active-import", "Wh", BigDecimal.ONE.scaleByPowerOfTen(importScaler), day,
          minutes, imports, present.toLongArray(), status));
      days.add(new MeterModel.ChannelDay("active-export", "Wh", BigDecimal.ONE.scaleByPowerOfTen(exportScaler), day,
          minutes, exports, present.toLongArray(), status.clone()));
    });
    return days;
  }

  private static int intervalOf(List<Row> dayRows, int capturePeriod) {
    long shortest = Long.MAX_VALUE;
    for (int i = 1; i < dayRows.size(); i++) {
      long step = java.time.Duration.between(dayRows.get(i - 1).end(), dayRows.get(i).end()).toMinutes();
      if (step > 0) {
        shortest = Math.min(shortest, step);
      }
    }
    return shortest != Long.MAX_VALUE && shortest <= 60 && 1440 % shortest == 0 ? (int) shortest : capturePeriod;
  }
}
