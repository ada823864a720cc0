package org.adcs.mdm.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;
import org.junit.jupiter.api.Test;

/** The market file layouts (R-MD-5): CMEP round trip, the 867 content and its 00:00 rule, standard time over DST. */
class MarketWritersTest {

  private static final ZoneOffset PST = ZoneOffset.ofHours(-8);
  private static final LocalDate DAY = LocalDate.of(2024, 6, 3);
  private static final Instant POSTED = Instant.parse("2024-06-04T10:15:00Z");
  private static final Envelope ENVELOPE = new Envelope("MDMA1", "ESP7", Instant.parse("2024-06-04T14:00:00Z"), PST);

  @Test
  void cmepOutputParsesBackToTheSameValues() {
    var first = new MarketDay("SDP-1", MarketDays.day("M1", DAY, POSTED));
    var second = new MarketDay("SDP-2", MarketDays.day("M2", DAY.plusDays(1), POSTED));
    String text = CmepWriter.write(ENVELOPE, List.of(first, second));

    List<CmepRecord> parsed = CmepParser.parse(text);

    assertEquals(List.of(CmepWriter.record(ENVELOPE, first), CmepWriter.record(ENVELOPE, second)), parsed);
    CmepRecord record = parsed.get(0);
    assertEquals("MDMA1", record.sender());
    assertEquals("ESP7", record.receiver());
    assertEquals("SDP-1", record.customer());
    assertEquals(LocalDateTime.of(2024, 6, 4, 6, 0), record.timestamp(), "file time in standard time");
    assertEquals("M1/active-import", record.meter());
    assertEquals("WH", record.units());
    assertEquals(15, record.intervalMinutes());
    assertEquals(96, record.readings().size());
    for (int i = 0; i < 96; i++) {
      var reading = record.readings().get(i);
      assertEquals(first.value(i), reading.value(), "value " + i);
      assertEquals(first.data().status(i), MarketCodes.status(reading.quality()), "status " + i);
    }
    assertEquals(new BigDecimal("0.015"), record.readings().get(0).value());
    assertEquals(LocalDateTime.of(2024, 6, 4, 0, 0), record.readings().get(95).end(), "last interval at 00:00");
    assertTrue(text.startsWith("MEPMD01,19970819,MDMA1,ESP7,SDP-1,202406040600,M1/active-import,OK,E,WH,1,00000015,96,"
        + "202406030015,A,0.015,202406030030,A,0.025,"), text.substring(0, 140));
  }

  @Test
  void cmepParserFillsOmittedDateTimesAndRejectsBadRecords() {
    var record = CmepParser.parse("MEPMD01,19970819,S,R,C,202406040600,M,OK,E,KWH,1,00000100,3,"
        + "202406030100,A,1.5,,E,2,,A,0.25\n").get(0);
    assertEquals(60, record.intervalMinutes());
    assertEquals(List.of(LocalDateTime.of(2024, 6, 3, 1, 0), LocalDateTime.of(2024, 6, 3, 2, 0),
        LocalDateTime.of(2024, 6, 3, 3, 0)), record.readings().stream().map(CmepRecord.Reading::end).toList());

    var wrongCount = assertThrows(IllegalArgumentException.class, () -> CmepParser.parse(
        "MEPMD01,19970819,S,R,C,202406040600,M,OK,E,KWH,1,00000015,2,202406030015,A,1\n"));
    assertTrue(wrongCount.getMessage().startsWith("CMEP line 1: count 2"), wrongCount.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CmepParser.parse(
        "MEPMD02,19970819,S,R,C,202406040600,M,OK,E,KWH,1,00000015,0\n"));
    assertThrows(IllegalArgumentException.class, () -> CmepParser.parse(
        "MEPMD01,19970819,S,R,C,202406040600,M,OK,E,KWH,1,00000015,1,202406030015,Q,1\n"));
  }

  @Test
  void edi867CarriesFlagsReasonsTimesAndTheEndOfDayRule() {
    var day = new MarketDay("SDP-1", MarketDays.day("M1", DAY, POSTED));
    List<String> lines = Arrays.asList(Edi867Writer.write(ENVELOPE, List.of(day)).split("\r\n"));

    assertEquals("HDR|867|MDMA1|ESP7|202406040600|-08:00||ORIGINAL", lines.get(0));
    assertEquals("PTD|SDP-1|M1|active-import|Wh|15|202406030000|202406040000|202406040205|202406040215|2", lines.get(1));
    List<String> qty = lines.stream().filter(l -> l.startsWith("QTY|")).toList();
    assertEquals(96, qty.size());
    assertEquals("QTY|202406030015|0.015|VAL|N|N|", qty.get(0));
    assertEquals("QTY|202406030245|0.115|EST|Y|N|EL,GP", qty.get(10));
    assertEquals("QTY|202406030515|0.215|VAL|N|Y|CH", qty.get(20));
    assertEquals("QTY|202406030745|0.315|NVE|N|N|SP", qty.get(30));
    assertEquals("QTY|202406040000|0.965|VAL|N|N|", qty.get(95), "the day's last interval is stamped 00:00 next day");
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("REG|")), "an interval day has no register segment");
    // Billable: all but interval 30 (0.315); estimated: intervals 10 and 11.
    BigDecimal all = BigDecimal.ZERO;
    for (int i = 0; i < 96; i++) {
      all = all.add(day.value(i));
    }
    assertEquals("TOT|" + all.subtract(new BigDecimal("0.315")).toPlainString() + "|0.240", lines.get(98));
    assertEquals("SE|" + lines.size(), lines.get(lines.size() - 1));
  }

  /** R-VEE-3: a reposted day's version names the revision it followed and its repost number. */
  @Test
  void edi867NamesARepostsVersionApartFromTheDeliveryItFollowed() {
    var d = MarketDays.day("M1", DAY, POSTED);
    var reposted = new ValidatedDay(d.meter(), d.channel(), d.day(), d.intervalMinutes(), d.scale(), d.values(),
        d.status(), d.flags(), d.source(), d.readAt(), d.postedAt(), d.version(), 1, Optional.of("over-under-read"));
    String ptd = Edi867Writer.write(ENVELOPE, List.of(new MarketDay("SDP-1", reposted))).split("\r\n")[1];
    assertEquals("PTD|SDP-1|M1|active-import|Wh|15|202406030000|202406040000|202406040205|202406040215|2.1", ptd);
  }

  /** A non-interval account's day: reads at 00:00 and 12:00, the previous read the evening before. */
  private static MarketDay registerDay(boolean withPrevious) {
    var previous = MarketDays.register("M9", DAY.minusDays(1).atTime(18, 0), 1_000_500, POSTED.minusSeconds(86_400));
    var midnight = MarketDays.register("M9", DAY.atStartOfDay(), 1_010_250, POSTED.minusSeconds(3_600));
    var noon = MarketDays.register("M9", DAY.atTime(12, 0), 1_046_905, POSTED);
    return new MarketDay("SDP-9", new RegisterDay(midnight.meter(), midnight.channel(), DAY, List.of(noon, midnight),
        withPrevious ? Optional.of(previous) : Optional.empty(), POSTED));
  }

  @Test
  void cmepRegisterRecordParsesBackToTheReadsAndTheirTimes() {
    var interval = new MarketDay("SDP-1", MarketDays.day("M1", DAY, POSTED));
    String text = CmepWriter.write(ENVELOPE, List.of(interval, registerDay(true)));
    List<CmepRecord> records = CmepParser.parse(text);
    assertEquals(2, records.size());
    assertTrue(!records.get(0).isRegister());
    CmepRecord register = records.get(1);
    assertTrue(register.isRegister());
    assertEquals("SDP-9", register.customer());
    assertEquals("M9/active-import", register.meter());
    assertEquals("WH", register.units());
    assertEquals(List.of(new CmepRecord.Reading(DAY.atStartOfDay(), "A", new BigDecimal("1010.250")),
        new CmepRecord.Reading(DAY.atTime(12, 0), "A", new BigDecimal("1046.905"))), register.readings());
    assertEquals("MEPMD01,19970819,MDMA1,ESP7,SDP-9,202406040600,M9/active-import,OK,E,WH,1,00000000,2,"
        + "202406030000,A,1010.250,202406031200,A,1046.905", text.split("\r\n")[1]);
    // A register read cannot leave its time to be inferred: there is no interval to add.
    var bad = assertThrows(IllegalArgumentException.class, () -> CmepParser.parse(
        "MEPMD01,19970819,A,B,SDP-9,202406040600,M9/x,OK,E,WH,1,00000000,2,202406030000,A,1,,A,2"));
    assertTrue(bad.getMessage().contains("register read needs its date-time"), bad.getMessage());
  }

  @Test
  void edi867RegisterDayCarriesStartEndReadsAndUsage() {
    List<String> lines = Arrays.asList(Edi867Writer.write(ENVELOPE, List.of(registerDay(true))).split("\r\n"));
    assertEquals(List.of("HDR|867|MDMA1|ESP7|202406040600|-08:00||ORIGINAL",
        "PTD|SDP-9|M9|active-import|Wh|0|202406021800|202406031200|202406040215|202406040215|1",
        "REG|1000.500|1046.905|46.405", "TOT|46.405|0", "SE|5"), lines);
    // Without an earlier read the period starts at the day's first read.
    List<String> first = Arrays.asList(Edi867Writer.write(ENVELOPE, List.of(registerDay(false))).split("\r\n"));
    assertEquals("PTD|SDP-9|M9|active-import|Wh|0|202406030000|202406031200|202406040215|202406040215|1",
        first.get(1));
    assertEquals("REG|1010.250|1046.905|36.655", first.get(2));
  }

  @Test
  void csvRegisterDayIsOneRowPerRead() {
    List<String> lines = Arrays.asList(MarketCsvWriter.write(ENVELOPE, List.of(registerDay(true))).split("\r\n"));
    assertEquals(List.of(MarketCsvWriter.HEADER,
        "SDP-9,M9,active-import,2024-06-03T00:00-08:00,1010.250,Wh,REG,,SCHEDULED,0,2024-06-04T01:15-08:00,"
            + "2024-06-04T01:15-08:00",
        "SDP-9,M9,active-import,2024-06-03T12:00-08:00,1046.905,Wh,REG,,SCHEDULED,0,2024-06-04T02:15-08:00,"
            + "2024-06-04T02:15-08:00"), lines);
    var record = DeliveryRecord.of("ESP7", DAY, POSTED, POSTED, java.util.UUID.randomUUID(), "f.dat", MarketFormat.CSV,
        List.of(registerDay(true)));
    assertEquals(0, new BigDecimal("46.405").compareTo(record.usage()), "the register day's usage is billed");
    assertEquals(0, record.intervals());
  }

  @Test
  void aRegisterReadOffItsDayIsRefused() {
    var read = MarketDays.register("M9", DAY.plusDays(1).atStartOfDay(), 1, POSTED);
    assertThrows(IllegalArgumentException.class, () -> new RegisterDay(read.meter(), read.channel(), DAY,
        List.of(read), Optional.empty(), POSTED));
  }

  @Test
  void aDaylightSavingChangeDayStaysNinetySixEvenIntervalsInStandardTime() {
    LocalDate springForward = LocalDate.of(2024, 3, 10);
    var day = new MarketDay("SDP-1", MarketDays.day("M1", springForward, POSTED));
    List<String> qty = Arrays.stream(Edi867Writer.write(ENVELOPE, List.of(day)).split("\r\n"))
        .filter(l -> l.startsWith("QTY|")).toList();
    assertEquals(96, qty.size());
    LocalDateTime expected = springForward.atStartOfDay();
    for (String line : qty) {
      expected = expected.plusMinutes(15);
      assertEquals(CmepRecord.TIME.format(expected), line.split("\\|")[1]);
    }
    assertEquals("202403110000", qty.get(95).split("\\|")[1]);

    List<String> csv = Arrays.asList(MarketCsvWriter.write(ENVELOPE, List.of(day)).split("\r\n"));
    assertEquals(MarketCsvWriter.HEADER, csv.get(0));
    assertEquals(97, csv.size());
    assertEquals("SDP-1,M1,active-import,2024-03-10T02:15-08:00,0.095,Wh,VAL,,SCHEDULED,15,2024-06-04T02:05-08:00,"
        + "2024-06-04T02:15-08:00", csv.get(9));
    assertEquals("SDP-1,M1,active-import,2024-03-10T02:45-08:00,0.115,Wh,EST,GAP|ESTIMATED_LINEAR,SCHEDULED,15,"
        + "2024-06-04T02:05-08:00,2024-06-04T02:15-08:00", csv.get(11));
    assertTrue(csv.get(96).startsWith("SDP-1,M1,active-import,2024-03-11T00:00-08:00,0.965,"), csv.get(96));
  }

  @Test
  void fieldsThatWouldBreakTheLayoutsAreRefused() {
    var day = new MarketDay("SDP,1", MarketDays.day("M1", DAY, POSTED));
    assertThrows(IllegalArgumentException.class, () -> CmepWriter.write(ENVELOPE, List.of(day)));
    var piped = new MarketDay("SDP|1", MarketDays.day("M1", DAY, POSTED));
    assertThrows(IllegalArgumentException.class, () -> Edi867Writer.write(ENVELOPE, List.of(piped)));
    assertTrue(MarketCsvWriter.write(ENVELOPE, List.of(day)).contains("\n\"SDP,1\",M1,"));
    assertEquals(IntervalStatus.NEEDS_VERIFY, MarketCodes.status("V"));
  }
}
