package org.adcs.headend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.adcs.headend.meter.MeterModel.ChannelDay;
import org.junit.jupiter.api.Test;

/** A decoded push in the entity's terms (R-COL-1, R-COL-2, R-COL-6). */
class PushConversionTest {

  private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 11, 22, 0, 0);
  private static final Instant RECEIVED = Instant.parse("2026-11-22T02:20:03Z");

  @Test
  void intervalsFallIntoTheDayTheyEndInWithEndOfIntervalTimestamps() {
    var converted = PushConversion.convert(Pushes.daily("ADC1", MIDNIGHT), ZoneOffset.UTC, RECEIVED).orElseThrow();
    ChannelDay imports = converted.delivery().days().stream().filter(d -> d.channel().equals("active-import"))
        .findFirst().orElseThrow();
    assertEquals(LocalDate.of(2026, 11, 21), imports.day(), "the interval ending at 00:00 closes the day before");
    assertEquals(96, imports.presentIntervals().cardinality());
    assertEquals(Pushes.importValue(0), imports.pulses()[0]);
    assertEquals(Pushes.importValue(95), imports.pulses()[95]);
    assertEquals(0x80, imports.status()[40]);
    assertEquals(BigDecimal.ONE, imports.multiplier().stripTrailingZeros().setScale(0));
    assertEquals("Wh", imports.unit());
  }

  @Test
  void channelScalerBecomesItsMultiplier_R_COL_2() {
    var converted = PushConversion.convert(Pushes.daily("ADC1", MIDNIGHT), ZoneOffset.UTC, RECEIVED).orElseThrow();
    ChannelDay exports = converted.delivery().days().stream().filter(d -> d.channel().equals("active-export"))
        .findFirst().orElseThrow();
    assertEquals(0, new BigDecimal("0.1").compareTo(exports.multiplier()));
  }

  @Test
  void aMeterOnEasternStandardTimeSplitsAUtcDayAtItsOwnMidnight_R_COL_6() {
    var converted = PushConversion.convert(Pushes.daily("ADC1", MIDNIGHT), ZoneOffset.ofHours(-5), RECEIVED).orElseThrow();
    var imports = converted.delivery().days().stream().filter(d -> d.channel().equals("active-import")).toList();
    assertEquals(2, imports.size());
    assertEquals(LocalDate.of(2026, 11, 20), imports.get(0).day());
    assertEquals(20, imports.get(0).presentIntervals().cardinality(), "00:15-05:00 UTC is 19:15-24:00 EST");
    assertEquals(76, imports.get(1).presentIntervals().cardinality());
    assertEquals(76, imports.get(0).presentIntervals().nextSetBit(0), "19:15 EST ends interval 76");
  }

  @Test
  void registersAreTheMidnightReadsAndEventsKeepTimeCodeAndType_R_EV_1() {
    var converted = PushConversion.convert(Pushes.daily("ADC1", MIDNIGHT), ZoneOffset.UTC, RECEIVED).orElseThrow();
    assertEquals(MIDNIGHT, converted.delivery().registers().get(0).readAt());
    assertEquals(1_234_567, converted.delivery().registers().get(0).value());
    assertEquals("POWER_OUTAGE", converted.events().get(0).type());
    assertEquals("POWER_RESTORED", converted.events().get(1).type());
    assertEquals(MIDNIGHT.minusHours(11), converted.events().get(0).occurredAt());
    assertEquals(true, converted.events().get(0).sequence() < converted.events().get(1).sequence());
  }
}
