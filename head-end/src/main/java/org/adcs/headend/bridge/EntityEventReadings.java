package org.adcs.headend.bridge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel;
import org.adcs.mdm.bridge.CollectedReadings;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.reading.MeterFlag;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.Multipliers;
import org.adcs.mdm.reading.ReadingSource;
import org.adcs.mdm.reading.RegisterRead;

/**
 * The meter entity's journal events as the bridge's readings: pulses to engineering values with
 * the channel multiplier (R-COL-2), meter status bits to protocol-neutral flags, the source kept
 * (R-COL-4). The event's sequence number versions the data (rising per meter).
 */
final class EntityEventReadings {

  private EntityEventReadings() {}

  static CollectedReadings of(String meterId, long sequenceNr, Instant written, Meter.Event event) {
    MeterId meter = new MeterId(meterId);
    if (event instanceof Meter.IntervalsCollected collected) {
      MeterModel.Delivery delivery = collected.delivery();
      ReadingSource source = ReadingSource.valueOf(delivery.source().name());
      List<IntervalDay> days = new ArrayList<>();
      for (MeterModel.ChannelDay day : delivery.days()) {
        int scale = scaleFor(day.multiplier());
        long[] values = Multipliers.apply(day.pulses(), day.multiplier(), BigDecimal.ONE, scale);
        int[] flags = new int[day.status().length];
        for (int i = 0; i < flags.length; i++) {
          flags[i] = flags(day.status()[i]);
        }
        days.add(new IntervalDay(meter, new Channel(day.channel(), day.unit()), day.day(), day.intervalMinutes(), scale,
            values, day.presentIntervals(), flags, source, delivery.receivedAt(), sequenceNr));
      }
      List<RegisterRead> registers = delivery.registers().stream()
          .map(r -> new RegisterRead(meter, new Channel(r.channel(), r.unit()), r.readAt(), r.value(), r.scale(), source,
              delivery.receivedAt(), sequenceNr))
          .toList();
      return new CollectedReadings(meter, sequenceNr, written, days, registers, List.of());
    }
    if (event instanceof Meter.EventsReceived received) {
      List<MeterEvent> events = received.events().stream()
          .map(e -> new MeterEvent(meter, type(e.type()), e.code(), e.occurredAt(), e.sequence(),
              ReadingSource.valueOf(received.source().name()), received.receivedAt()))
          .toList();
      return new CollectedReadings(meter, sequenceNr, written, List.of(), List.of(), events);
    }
    return null;
  }

  /** The decimal scale at which the multiplier's products stay exact, e.g. -1 for 0.1. */
  static int scaleFor(BigDecimal multiplier) {
    return -Math.max(0, multiplier.stripTrailingZeros().scale());
  }

  /** IDIS/DLMS load profile status bits (AMR profile status). */
  static int flags(int status) {
    int flags = 0;
    if ((status & 0x80) != 0) {
      flags |= MeterFlag.POWER_OUTAGE.bit();
    }
    if ((status & 0x20) != 0) {
      flags |= MeterFlag.CLOCK_ADJUSTED.bit();
    }
    if ((status & 0x08) != 0) {
      flags |= MeterFlag.DAYLIGHT_SAVING.bit();
    }
    if ((status & 0x04) != 0 || (status & 0x01) != 0) {
      flags |= MeterFlag.DATA_NOT_VALID.bit();
    }
    if ((status & 0x02) != 0) {
      flags |= MeterFlag.CLOCK_INVALID.bit();
    }
    return flags;
  }

  private static MeterEventType type(String name) {
    try {
      return MeterEventType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return MeterEventType.OTHER;
    }
  }
}
