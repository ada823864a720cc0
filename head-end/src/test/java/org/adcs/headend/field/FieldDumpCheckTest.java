package org.adcs.headend.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.adcs.headend.field.FieldDumpCheck.Outcome;
import org.adcs.headend.field.FieldDumpCheck.Reason;
import org.adcs.headend.meter.MeterModel;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.field.FieldDumpFile;
import org.junit.jupiter.api.Test;

/** The check of an uploaded field dump (R-FLD-2): what is accepted and how, and every reason for a refusal. */
class FieldDumpCheckTest {

  private static final String METER = "ADC0000010000003";
  private static final Instant NOW = Instant.parse("2026-03-04T10:07:00Z");
  private static final ZoneOffset METER_TIME = ZoneOffset.ofHours(1);
  private final FieldDumpCheck check = new FieldDumpCheck(ZoneOffset.UTC);

  /** A dump's sections, each replaceable by a test. */
  private static final class Dump {
    DlmsData name = new DlmsData.OctetString(METER.getBytes(StandardCharsets.US_ASCII));
    DlmsData dumpedAt = time(NOW);
    List<DlmsData> channels = new ArrayList<>(List.of(channel(ObisCode.ACTIVE_ENERGY_IMPORT, 0), channel(ObisCode.ACTIVE_ENERGY_EXPORT, -1)));
    DlmsData period = new DlmsData.UInt32(900);
    List<DlmsData> intervals = new ArrayList<>();
    List<DlmsData> billing = new ArrayList<>();
    List<DlmsData> events = new ArrayList<>();
    List<DlmsData> quality = new ArrayList<>();

    Dump() {
      // Intervals ending yesterday 23:30 .. today 00:15 UTC, 15 minutes each: three yesterday, one today.
      Instant first = Instant.parse("2026-03-03T23:30:00Z");
      for (int i = 0; i < 4; i++) {
        intervals.add(interval(first.plusSeconds(900L * i), i == 1 ? 0x80 : 0, 100 + i, i));
      }
      billing.add(DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:00:00Z")), new DlmsData.UInt32(123_456),
          new DlmsData.UInt32(7_890)));
      events.add(DlmsData.Structure.of(time(Instant.parse("2026-03-03T23:40:00Z")), new DlmsData.UInt16(1)));
      events.add(DlmsData.Structure.of(time(NOW), new DlmsData.UInt16(234)));
      quality.add(DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:00:00Z")), new DlmsData.UInt16(2250),
          new DlmsData.UInt16(2301), new DlmsData.UInt16(2390)));
    }

    byte[] file() {
      return FieldDumpFile.frame(DlmsData.Structure.of(name, dumpedAt, new DlmsData.Array(channels), period,
          new DlmsData.Array(intervals), new DlmsData.Array(billing), new DlmsData.Array(events), new DlmsData.Array(quality)));
    }
  }

  /** A meter time, written as the meter writes it: local time with its deviation from UTC. */
  private static DlmsData time(Instant t) {
    return new DlmsData.OctetString(CosemDateTime.of(t.atOffset(METER_TIME)).toBytes());
  }

  private static DlmsData channel(ObisCode obis, int scaler) {
    return DlmsData.Structure.of(new DlmsData.OctetString(obis.toBytes()), new ScalerUnit(scaler, ScalerUnit.UNIT_WH).toData());
  }

  private static DlmsData interval(Instant end, int status, long imports, long exports) {
    return DlmsData.Structure.of(time(end), new DlmsData.UInt8(status), new DlmsData.UInt32(imports), new DlmsData.UInt32(exports));
  }

  private Outcome.Refused refused(Consumer<Dump> change, Reason reason) {
    Dump dump = new Dump();
    change.accept(dump);
    Outcome outcome = check.check(dump.file(), METER, NOW);
    Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, outcome, "expected " + reason);
    assertEquals(reason, refused.reason(), refused.detail());
    return refused;
  }

  @Test
  void aWholeDumpBecomesAFieldDeliveryByDayOfStandardTimeWithRegistersAndEvents() {
    Outcome.Accepted ok = assertInstanceOf(Outcome.Accepted.class, check.check(new Dump().file(), METER, NOW));
    MeterModel.Delivery delivery = ok.delivery();
    assertEquals(MeterModel.Source.FIELD, delivery.source());
    assertEquals(NOW, delivery.receivedAt());
    assertEquals(4, ok.intervals());
    assertEquals(NOW, ok.dumpedAt());
    assertEquals(4, delivery.days().size(), "two days of two channels");
    MeterModel.ChannelDay yesterdayImport = delivery.days().get(0);
    assertEquals("active-import", yesterdayImport.channel());
    assertEquals(LocalDate.parse("2026-03-03"), yesterdayImport.day());
    assertEquals(15, yesterdayImport.intervalMinutes());
    assertEquals(0, BigDecimal.ONE.compareTo(yesterdayImport.multiplier()));
    assertEquals(100, yesterdayImport.pulses()[93], "23:30 ends the interval starting 23:15, the day's 94th");
    assertEquals(102, yesterdayImport.pulses()[95], "00:00 ends the day's last interval");
    assertEquals(0x80, yesterdayImport.status()[94]);
    assertEquals(3, yesterdayImport.presentIntervals().cardinality());
    MeterModel.ChannelDay todayExport = delivery.days().get(3);
    assertEquals("active-export", todayExport.channel());
    assertEquals(LocalDate.parse("2026-03-04"), todayExport.day());
    assertEquals(0, new BigDecimal("0.1").compareTo(todayExport.multiplier()));
    assertEquals(3, todayExport.pulses()[0]);
    assertEquals(1, todayExport.presentIntervals().cardinality());
    assertEquals(List.of(
        new MeterModel.RegisterValue("active-import", "Wh", LocalDateTime.parse("2026-03-04T00:00"), 123_456, 0),
        new MeterModel.RegisterValue("active-export", "Wh", LocalDateTime.parse("2026-03-04T00:00"), 7_890, -1)), delivery.registers());
    assertEquals(2, ok.events().size());
    assertEquals("POWER_OUTAGE", ok.events().get(0).type());
    assertEquals(LocalDateTime.parse("2026-03-03T23:40"), ok.events().get(0).occurredAt());
    assertEquals(234, ok.events().get(1).code());
  }

  @Test
  void aDamagedOrAlteredFileIsUnreadable() {
    byte[] file = new Dump().file();
    file[file.length / 2] ^= 0x01;
    Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, check.check(file, METER, NOW));
    assertEquals(Reason.UNREADABLE, r.reason());
    assertTrue(r.detail().contains("checksum"), r.detail());
    assertEquals(Reason.UNREADABLE, ((Outcome.Refused) check.check("not a dump".getBytes(StandardCharsets.US_ASCII), METER, NOW)).reason());
  }

  @Test
  void anotherMetersDumpIsForeign() {
    Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, check.check(new Dump().file(), "ADC0000010000004", NOW));
    assertEquals(Reason.FOREIGN_METER, r.reason());
    assertTrue(r.detail().contains(METER) && r.detail().contains("ADC0000010000004"), r.detail());
  }

  @Test
  void onlyActiveImportAndExportInWhAreChannels() {
    refused(d -> d.channels.remove(1), Reason.CHANNELS);
    refused(d -> d.channels.set(0, channel(ObisCode.ACTIVE_ENERGY_EXPORT, 0)), Reason.CHANNELS);
    refused(d -> d.channels.set(1, DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_EXPORT.toBytes()),
        new ScalerUnit(0, ScalerUnit.UNIT_VARH).toData())), Reason.CHANNELS);
  }

  @Test
  void theCapturePeriodIsOneTheMetersSupport() {
    refused(d -> d.period = new DlmsData.UInt32(7 * 60), Reason.CAPTURE_PERIOD);
    refused(d -> d.period = new DlmsData.UInt32(901), Reason.CAPTURE_PERIOD);
  }

  @Test
  void timesMustBeWholeDateTimesInOrder() {
    CosemDateTime noDeviation = new CosemDateTime(2026, 3, 4, 3, 10, 7, 0, 0, CosemDateTime.DEVIATION_NOT_SPECIFIED, 0);
    refused(d -> d.dumpedAt = new DlmsData.OctetString(noDeviation.toBytes()), Reason.TIME);
    CosemDateTime february31 = new CosemDateTime(2026, 2, 31, 3, 10, 7, 0, 0, 0, 0);
    refused(d -> d.events.set(0, DlmsData.Structure.of(new DlmsData.OctetString(february31.toBytes()), new DlmsData.UInt16(1))),
        Reason.TIME);
    refused(d -> d.intervals.add(d.intervals.get(0)), Reason.TIME);
  }

  @Test
  void nothingMayLieInTheFuture() {
    refused(d -> d.dumpedAt = time(NOW.plus(FieldDumpCheck.CLOCK_TOLERANCE).plusSeconds(60)), Reason.FUTURE);
    refused(d -> d.intervals.add(interval(NOW.plusSeconds(900), 0, 1, 1)), Reason.FUTURE);
    refused(d -> d.events.add(DlmsData.Structure.of(time(NOW.plusSeconds(1)), new DlmsData.UInt16(1))), Reason.FUTURE);
  }

  @Test
  void nothingMayLieBeforeTheMemorysSpan() {
    Instant tooOld = NOW.minus(java.time.Duration.ofDays(FieldDumpCheck.MEMORY_DAYS)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    refused(d -> d.intervals.add(0, interval(tooOld, 0, 1, 1)), Reason.OUT_OF_SPAN);
    refused(d -> d.billing.add(0, DlmsData.Structure.of(time(tooOld), new DlmsData.UInt32(1), new DlmsData.UInt32(1))),
        Reason.OUT_OF_SPAN);
    refused(d -> d.events.add(0, DlmsData.Structure.of(time(tooOld), new DlmsData.UInt16(1))), Reason.OUT_OF_SPAN);
  }

  @Test
  void countsBeyondWhatTheSpanHoldsAreRefused() {
    refused(d -> {
      for (int i = 0; i <= FieldDumpCheck.MEMORY_DAYS; i++) {
        d.billing.add(d.billing.get(0));
      }
    }, Reason.SIZE);
    refused(d -> {
      for (int i = 0; i <= FieldDumpCheck.MAX_EVENTS; i++) {
        d.events.add(d.events.get(0));
      }
    }, Reason.SIZE);
  }

  @Test
  void valuesWiderThanTheRegistersAreRefused() {
    refused(d -> d.intervals.set(3, DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:15:00Z")), new DlmsData.UInt8(0),
        new DlmsData.UInt64(FieldDumpCheck.REGISTER_MAX + 1), new DlmsData.UInt32(0))), Reason.VALUE_RANGE);
    refused(d -> d.intervals.set(3, DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:15:00Z")), new DlmsData.UInt16(256),
        new DlmsData.UInt32(0), new DlmsData.UInt32(0))), Reason.VALUE_RANGE);
    refused(d -> d.intervals.set(3, DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:15:00Z")), new DlmsData.UInt8(0),
        new DlmsData.UInt32(0), new DlmsData.Int32(-1))), Reason.VALUE_RANGE);
    refused(d -> d.billing.set(0, DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:00:00Z")),
        new DlmsData.Int64(-5), new DlmsData.UInt32(1))), Reason.VALUE_RANGE);
    refused(d -> d.events.set(0, DlmsData.Structure.of(time(Instant.parse("2026-03-03T23:40:00Z")), new DlmsData.UInt32(70_000))),
        Reason.VALUE_RANGE);
    refused(d -> d.quality.set(0, DlmsData.Structure.of(time(Instant.parse("2026-03-04T00:00:00Z")), new DlmsData.UInt16(2400),
        new DlmsData.UInt16(2301), new DlmsData.UInt16(2390))), Reason.VALUE_RANGE);
  }

  @Test
  void intervalsOffTheirDaysGridAreRefused() {
    refused(d -> d.intervals.add(interval(Instant.parse("2026-03-04T00:22:00Z"), 0, 1, 1)), Reason.GRID);
    refused(d -> d.intervals.add(interval(Instant.parse("2026-03-04T00:30:30Z"), 0, 1, 1)), Reason.GRID);
  }

  @Test
  void aDumpOfADayRecordedEveryFiveMinutesBeforeTheMeterWasSetToFifteenKeepsItsFiveMinuteIntervals() {
    Dump dump = new Dump();
    dump.intervals.clear();
    Instant first = Instant.parse("2026-03-03T12:05:00Z");
    for (int i = 0; i < 3; i++) {
      dump.intervals.add(interval(first.plusSeconds(300L * i), 0, 10 + i, 0));
    }
    dump.intervals.add(interval(Instant.parse("2026-03-04T00:15:00Z"), 0, 99, 0));
    Outcome.Accepted ok = assertInstanceOf(Outcome.Accepted.class, check.check(dump.file(), METER, NOW));
    assertEquals(5, ok.delivery().days().get(0).intervalMinutes());
    assertEquals(12, ok.delivery().days().get(0).pulses()[12 * 12 + 2], "12:10-12:15 is the day's 147th five minutes");
    assertEquals(15, ok.delivery().days().get(2).intervalMinutes());
  }
}
