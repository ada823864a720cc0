package org.adcs.headend.field;

import java.util.ArrayList;
import java.util.List;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.adcs.headend.meter.MeterModel.Delivery;
import org.adcs.headend.meter.MeterModel.LoggedEvent;

/**
 * An accepted dump as the meter entity's {@code Collect} commands: a whole memory can be larger than
 * one cluster message (Artery's 256 KiB frame), so it goes in parts of at most
 * {@link #INTERVALS_PER_PART} intervals and {@link #EVENTS_PER_PART} events, registers with the
 * first. Each part is persisted atomically and the entity ignores a part it already holds, so a
 * retried upload stores nothing twice.
 */
public final class FieldDelivery {

  static final int INTERVALS_PER_PART = 8_000;
  static final int EVENTS_PER_PART = 2_000;

  /** One {@code Collect}: a delivery and the events that go with it. */
  public record Part(Delivery delivery, List<LoggedEvent> events) {}

  private FieldDelivery() {}

  public static List<Part> parts(FieldDumpCheck.Outcome.Accepted dump) {
    Delivery whole = dump.delivery();
    List<List<ChannelDay>> dayChunks = new ArrayList<>();
    List<ChannelDay> chunk = new ArrayList<>();
    int intervals = 0;
    for (ChannelDay day : whole.days()) {
      int count = day.pulses().length;
      if (!chunk.isEmpty() && intervals + count > INTERVALS_PER_PART) {
        dayChunks.add(chunk);
        chunk = new ArrayList<>();
        intervals = 0;
      }
      chunk.add(day);
      intervals += count;
    }
    if (!chunk.isEmpty()) {
      dayChunks.add(chunk);
    }
    List<LoggedEvent> events = dump.events();
    int eventChunks = (events.size() + EVENTS_PER_PART - 1) / EVENTS_PER_PART;
    int count = Math.max(1, Math.max(dayChunks.size(), eventChunks));
    List<Part> parts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<ChannelDay> days = i < dayChunks.size() ? dayChunks.get(i) : List.of();
      List<LoggedEvent> someEvents = i < eventChunks
          ? events.subList(i * EVENTS_PER_PART, Math.min(events.size(), (i + 1) * EVENTS_PER_PART)) : List.of();
      parts.add(new Part(new Delivery(whole.source(), whole.receivedAt(), days, i == 0 ? whole.registers() : List.of()),
          List.copyOf(someEvents)));
    }
    return parts;
  }
}
