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
 * The reads of an on-demand read (R-OD-1) over one DLMS association, in the meter entity's terms.
 * The load profile's rows are {end, status, import, export}; each channel's multiplier is its
 * register's scaler (the profile and the registers count in the same units).
 */
final class OnDemandRead {

  private final ClientSession session;
  private final Clock clock;
  private final ZoneOffset standardTime;

  OnDemandRead(ClientSession session, Clock clock, ZoneOffset standardTime) {
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
    List<List<DlmsData>> rows;
  }

  CompletableFuture<MeterRequests.ReadResult> run() {
    MeterReader reader = new MeterReader(session);
    Instant now = clock.instant();
    LocalDate today = LocalDateTime.ofInstant(now, standardTime).toLocalDate();
    Instant from = today.atStartOfDay().toInstant(standardTime);
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
          return reader.profile(ObisCode.LOAD_PROFILE, from, now, standardTime);
        })
        .thenCompose(rows -> {
          g.rows = rows;
          return reader.events(from, now, standardTime);
        })
        .thenApply(events -> {
          List<MeterModel.RegisterValue> registers = List.of(
              register("active-import", g.imports, now), register("active-export", g.exports, now));
          MeterModel.Delivery intervals = new MeterModel.Delivery(MeterModel.Source.ON_DEMAND, now,
              days(g.rows, today, -g.imports.value().scale(), -g.exports.value().scale()), List.of());
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

  private MeterModel.RegisterValue register(String channel, MeterReader.RegisterReading reading, Instant at) {
    return new MeterModel.RegisterValue(channel, "Wh", LocalDateTime.ofInstant(at, standardTime),
        reading.value().unscaledValue().longValueExact(), -reading.value().scale());
  }

  /** Today's complete intervals, by end time; rows of another shape are left out. */
  private List<MeterModel.ChannelDay> days(List<List<DlmsData>> rows, LocalDate today, int importScaler, int exportScaler) {
    int intervalMinutes = 15;
    int perDay = 1440 / intervalMinutes;
    long[] imports = new long[perDay];
    long[] exports = new long[perDay];
    int[] status = new int[perDay];
    BitSet present = new BitSet(perDay);
    for (List<DlmsData> row : rows) {
      if (row.size() != 4 || !(row.get(0) instanceof DlmsData.OctetString end)) {
        continue;
      }
      Optional<LocalDateTime> ends = CosemDateTime.fromBytes(end.value()).flatMap(CosemDateTime::toOffsetDateTime)
          .map(t -> t.withOffsetSameInstant(standardTime)).map(OffsetDateTime::toLocalDateTime);
      if (ends.isEmpty()) {
        continue;
      }
      LocalDateTime start = ends.get().minusMinutes(intervalMinutes);
      if (!start.toLocalDate().equals(today)) {
        continue;
      }
      int index = (start.getHour() * 60 + start.getMinute()) / intervalMinutes;
      try {
        status[index] = (int) row.get(1).asLong();
        imports[index] = row.get(2).asLong();
        exports[index] = row.get(3).asLong();
        present.set(index);
      } catch (IllegalArgumentException notANumber) {
        // a malformed row is left out; the rest of the read stands
      }
    }
    if (present.isEmpty()) {
      return List.of();
    }
    return List.of(
        new MeterModel.ChannelDay("active-import", "Wh", BigDecimal.ONE.scaleByPowerOfTen(importScaler), today,
            intervalMinutes, imports, present.toLongArray(), status),
        new MeterModel.ChannelDay("active-export", "Wh", BigDecimal.ONE.scaleByPowerOfTen(exportScaler), today,
            intervalMinutes, exports, present.toLongArray(), status.clone()));
  }
}
