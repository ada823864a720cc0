package org.adcs.headend.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.adcs.headend.meter.MeterModel;
import org.junit.jupiter.api.Test;

/** A whole memory goes to the meter entity in parts small enough for one cluster message, nothing lost or repeated. */
class FieldDeliveryTest {

  private static final Instant NOW = Instant.parse("2026-03-04T10:07:00Z");

  private static FieldDumpCheck.Outcome.Accepted dump(int days, int minutes, int events) {
    List<MeterModel.ChannelDay> channelDays = new ArrayList<>();
    int perDay = 1440 / minutes;
    for (int d = 0; d < days; d++) {
      for (String channel : List.of("active-import", "active-export")) {
        channelDays.add(new MeterModel.ChannelDay(channel, "Wh", BigDecimal.ONE, LocalDate.of(2026, 1, 1).plusDays(d), minutes,
            new long[perDay], new long[(perDay + 63) / 64], new int[perDay]));
      }
    }
    List<MeterModel.RegisterValue> registers = List.of(
        new MeterModel.RegisterValue("active-import", "Wh", LocalDateTime.parse("2026-01-02T00:00"), 1, 0));
    List<MeterModel.LoggedEvent> logged = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      logged.add(new MeterModel.LoggedEvent(i, 1, "POWER_OUTAGE", LocalDateTime.parse("2026-01-01T00:00").plusMinutes(i)));
    }
    return new FieldDumpCheck.Outcome.Accepted(new MeterModel.Delivery(MeterModel.Source.FIELD, NOW, channelDays, registers),
        logged, days * perDay, NOW);
  }

  @Test
  void aSmallDumpIsOnePart() {
    List<FieldDelivery.Part> parts = FieldDelivery.parts(dump(3, 15, 5));
    assertEquals(1, parts.size());
    assertEquals(6, parts.get(0).delivery().days().size());
    assertEquals(1, parts.get(0).delivery().registers().size());
    assertEquals(5, parts.get(0).events().size());
  }

  @Test
  void aLargeDumpIsSplitByIntervalsAndEventsKeepingEverythingOnceInOrder() {
    FieldDumpCheck.Outcome.Accepted whole = dump(62, 1, 5_000);
    List<FieldDelivery.Part> parts = FieldDelivery.parts(whole);
    assertTrue(parts.size() > 1);
    List<MeterModel.ChannelDay> days = new ArrayList<>();
    List<MeterModel.LoggedEvent> events = new ArrayList<>();
    for (FieldDelivery.Part part : parts) {
      assertTrue(part.delivery().days().stream().mapToInt(d -> d.pulses().length).sum() <= FieldDelivery.INTERVALS_PER_PART
          || part.delivery().days().size() == 1, "a part holds at most the interval bound");
      assertTrue(part.events().size() <= FieldDelivery.EVENTS_PER_PART);
      assertEquals(MeterModel.Source.FIELD, part.delivery().source());
      days.addAll(part.delivery().days());
      events.addAll(part.events());
    }
    assertEquals(whole.delivery().days(), days);
    assertEquals(whole.events(), events);
    assertEquals(1, parts.get(0).delivery().registers().size());
    assertTrue(parts.stream().skip(1).allMatch(p -> p.delivery().registers().isEmpty()), "registers once, with the first part");
  }

  @Test
  void moreEventChunksThanDayChunksGetPartsOfTheirOwn() {
    List<FieldDelivery.Part> parts = FieldDelivery.parts(dump(1, 15, 3 * FieldDelivery.EVENTS_PER_PART + 1));
    assertEquals(4, parts.size());
    assertEquals(2, parts.get(0).delivery().days().size());
    assertTrue(parts.stream().skip(1).allMatch(p -> p.delivery().days().isEmpty()));
    assertEquals(1, parts.get(3).events().size());
  }
}
