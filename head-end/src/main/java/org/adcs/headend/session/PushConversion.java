package org.adcs.headend.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.LoggedEvent;
import org.adcs.headend.meter.MeterModel.RegisterValue;
import org.adcs.headend.meter.MeterModel.Source;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DailyPushPayload;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;

/**
 * A decoded daily push in the meter entity's terms: interval rows grouped into days of the meter's
 * standard time (end-of-interval: the interval ending at 00:00 belongs to the day before, R-COL-6),
 * pulses with the channel's scaler as multiplier (R-COL-2), the midnight registers, the events.
 */
final class PushConversion {

  private PushConversion() {}

  record Converted(Delivery delivery, List<LoggedEvent> events) {}

  static Optional<Converted> convert(DailyPushPayload push, ZoneOffset standardTime, Instant receivedAt) {
    Optional<LocalDateTime> pushTime = standard(push.pushTime(), standardTime);
    if (pushTime.isEmpty()) {
      return Optional.empty();
    }
    int intervalMinutes = intervalMinutes(push, standardTime);
    if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
      return Optional.empty();
    }
    int perDay = 1440 / intervalMinutes;
    List<ChannelDay> days = new ArrayList<>();
    for (int c = 0; c < push.channels().size(); c++) {
      DailyPushPayload.Channel channel = push.channels().get(c);
      Map<LocalDate, long[]> values = new TreeMap<>();
      Map<LocalDate, BitSet> present = new TreeMap<>();
      Map<LocalDate, int[]> status = new TreeMap<>();
      for (DailyPushPayload.IntervalRow row : push.intervals()) {
        Optional<LocalDateTime> end = standard(row.end(), standardTime);
        if (end.isEmpty()) {
          return Optional.empty();
        }
        LocalDateTime start = end.get().minusMinutes(intervalMinutes);
        LocalDate day = start.toLocalDate();
        int index = (start.getHour() * 60 + start.getMinute()) / intervalMinutes;
        values.computeIfAbsent(day, d -> new long[perDay])[index] = row.values().get(c).value();
        status.computeIfAbsent(day, d -> new int[perDay])[index] = row.values().get(c).status();
        present.computeIfAbsent(day, d -> new BitSet(perDay)).set(index);
      }
      for (LocalDate day : values.keySet()) {
        days.add(new ChannelDay(channelName(channel.obis()), unit(channel.scalerUnit()), multiplier(channel.scalerUnit()),
            day, intervalMinutes, values.get(day), present.get(day).toLongArray(), status.get(day)));
      }
    }
    LocalDateTime midnight = pushTime.get().toLocalDate().atStartOfDay();
    List<RegisterValue> registers = push.registers().stream()
        .map(r -> new RegisterValue(channelName(r.obis()), unit(r.scalerUnit()), midnight, r.value(), r.scalerUnit().scaler()))
        .toList();
    List<LoggedEvent> events = new ArrayList<>();
    for (DailyPushPayload.EventRow e : push.events()) {
      Optional<LocalDateTime> at = standard(e.time(), standardTime);
      if (at.isEmpty()) {
        return Optional.empty();
      }
      events.add(new LoggedEvent(sequence(at.get(), e.code()), e.code(), EventCodes.typeOf(e.code()), at.get()));
    }
    return Optional.of(new Converted(new Delivery(Source.SCHEDULED, receivedAt, days, registers), events));
  }

  static long sequence(LocalDateTime occurredAt, int code) {
    return EventCodes.sequence(occurredAt, code);
  }

  private static int intervalMinutes(DailyPushPayload push, ZoneOffset standardTime) {
    if (push.intervals().size() < 2) {
      return 15;
    }
    Optional<LocalDateTime> first = standard(push.intervals().get(0).end(), standardTime);
    Optional<LocalDateTime> second = standard(push.intervals().get(1).end(), standardTime);
    if (first.isEmpty() || second.isEmpty()) {
      return -1;
    }
    return (int) Duration.between(first.get(), second.get()).toMinutes();
  }

  private static Optional<LocalDateTime> standard(CosemDateTime time, ZoneOffset standardTime) {
    return time.toOffsetDateTime().map(t -> t.withOffsetSameInstant(standardTime)).map(OffsetDateTime::toLocalDateTime);
  }

  static String channelName(ObisCode obis) {
    if (obis.equals(ObisCode.ACTIVE_ENERGY_IMPORT)) {
      return "active-import";
    }
    if (obis.equals(ObisCode.ACTIVE_ENERGY_EXPORT)) {
      return "active-export";
    }
    byte[] b = obis.toBytes();
    return "obis-" + (b[0] & 0xFF) + "-" + (b[1] & 0xFF) + "-" + (b[2] & 0xFF) + "-" + (b[3] & 0xFF) + "-" + (b[4] & 0xFF);
  }

  private static String unit(ScalerUnit su) {
    return switch (su.unit()) {
      case ScalerUnit.UNIT_WH -> "Wh";
      case ScalerUnit.UNIT_VARH -> "varh";
      case ScalerUnit.UNIT_W -> "W";
      default -> "u" + su.unit();
    };
  }

  private static BigDecimal multiplier(ScalerUnit su) {
    return BigDecimal.ONE.scaleByPowerOfTen(su.scaler());
  }
}
