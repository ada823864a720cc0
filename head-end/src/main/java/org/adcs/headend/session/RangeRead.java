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
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
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
    return reader.logicalDeviceName()
        .thenCompose(name -> {
          g.name = name;
          return reader.clock();
        })
        .thenCompose(meterClock -> {
          g.meterClock = meterClock;
          return reader.register(ObisCode.ACTIVE_ENERGY_IMPORT);
        })
        .thenCompose(imports -> {
          g.imports = imports;
          return reader.register(ObisCode.ACTIVE_ENERGY_EXPORT);
        })
        .thenCompose(exports -> {
          g.exports = exports;
          return session.get(new CosemAttribute(ProfileGenericObject.CLASS_ID, ObisCode.LOAD_PROFILE, 4));
        })
        .thenCompose(period -> {
          g.intervalMinutes = intervalMinutes(period);
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
  private static int intervalMinutes(GetDataResult period) {
    if (period instanceof GetDataResult.Value value) {
      try {
        long seconds = value.data().asLong();
        if (seconds >= 60 && seconds <= 3600 && seconds % 60 == 0 && 1440 % (seconds / 60) == 0) {
          return (int) (seconds / 60);
        }
      } catch (IllegalArgumentException notANumber) {
        // fall through to the default
      }
    }
    return 15;
  }

  private MeterModel.RegisterValue register(String channel, MeterReader.RegisterReading reading, Instant at) {
    return new MeterModel.RegisterValue(channel, "Wh", LocalDateTime.ofInstant(at, standardTime),
        reading.value().unscaledValue().longValueExact(), -reading.value().scale());
  }

  /** One day's intervals of both channels while they are gathered. */
  private static final class DayRows {
    final long[] imports;
    final long[] exports;
    final int[] status;
    final BitSet present;

    DayRows(int perDay) {
      imports = new long[perDay];
      exports = new long[perDay];
      status = new int[perDay];
      present = new BitSet(perDay);
    }
  }

  /** The complete intervals ending in (start, end], by day; rows of another shape are left out. */
  private List<MeterModel.ChannelDay> days(List<List<DlmsData>> rows, Instant start, Instant end, int intervalMinutes,
      int importScaler, int exportScaler) {
    int perDay = 1440 / intervalMinutes;
    LocalDateTime first = LocalDateTime.ofInstant(start, standardTime);
    LocalDateTime last = LocalDateTime.ofInstant(end, standardTime);
    java.util.TreeMap<LocalDate, DayRows> byDay = new java.util.TreeMap<>();
    for (List<DlmsData> row : rows) {
      if (row.size() != 4 || !(row.get(0) instanceof DlmsData.OctetString endBytes)) {
        continue;
      }
      Optional<LocalDateTime> ends = CosemDateTime.fromBytes(endBytes.value()).flatMap(CosemDateTime::toOffsetDateTime)
          .map(t -> t.withOffsetSameInstant(standardTime)).map(OffsetDateTime::toLocalDateTime);
      if (ends.isEmpty() || !ends.get().isAfter(first) || ends.get().isAfter(last)) {
        continue;
      }
      LocalDateTime begins = ends.get().minusMinutes(intervalMinutes);
      int index = (begins.getHour() * 60 + begins.getMinute()) / intervalMinutes;
      try {
        long status = row.get(1).asLong();
        long imported = row.get(2).asLong();
        long exported = row.get(3).asLong();
        DayRows day = byDay.computeIfAbsent(begins.toLocalDate(), d -> new DayRows(perDay));
        day.status[index] = (int) status;
        day.imports[index] = imported;
        day.exports[index] = exported;
        day.present.set(index);
      } catch (IllegalArgumentException notANumber) {
        // a malformed row is left out; the rest of the read stands
      }
    }
    List<MeterModel.ChannelDay> days = new ArrayList<>();
    byDay.forEach((day, r) -> {
      days.add(new MeterModel.ChannelDay("active-import", "Wh", BigDecimal.ONE.scaleByPowerOfTen(importScaler), day,
          intervalMinutes, r.imports, r.present.toLongArray(), r.status));
      days.add(new MeterModel.ChannelDay("active-export", "Wh", BigDecimal.ONE.scaleByPowerOfTen(exportScaler), day,
          intervalMinutes, r.exports, r.present.toLongArray(), r.status.clone()));
    });
    return days;
  }
}
