package org.adcs.mdm.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.adcs.mdm.specialread.Resend;
import org.junit.jupiter.api.Test;

/**
 * Postings recorded by the daily delivery, billing periods from cycles, and resends resolved and
 * delivered from them (R-VEE-3), with in-memory store, mailbox and data.
 */
class MarketResendsTest {

  private static final ZoneOffset UTC = ZoneOffset.UTC;
  private static final LocalDate JUNE3 = LocalDate.of(2024, 6, 3);

  private final DailyDeliveryTest.MemoryStore store = new DailyDeliveryTest.MemoryStore();
  private final DailyDeliveryTest.MemoryMailbox mailbox = new DailyDeliveryTest.MemoryMailbox();
  private final DailyDeliveryTest.MovableClock clock = new DailyDeliveryTest.MovableClock(
      Instant.parse("2024-06-04T06:30:00Z"));
  private final List<MarketDay> posted = new ArrayList<>();
  private final List<MarketParty> parties = List.of(new MarketParty("ESP8", MarketFormat.EDI_867));
  private final DailyDelivery delivery = new DailyDelivery(parties, new DeliverySchedule(LocalTime.of(6, 0), UTC, 5),
      "MDMA1", (party, through, after, upTo) -> posted.stream().filter(d -> d.data().postedAt().isAfter(after)
          && !d.data().postedAt().isAfter(upTo)).toList(), store, mailbox, clock);
  /** SDP-M1 bills on the 5th of each month; SDP-M2 is in no cycle (calendar months). */
  private final BillingPeriods.CycleDays cycles = (party, sdp) -> sdp.equals("SDP-M1") ? OptionalInt.of(5)
      : OptionalInt.empty();
  private final MarketResends resends = new MarketResends(parties, "MDMA1", UTC, store, new Current(), cycles,
      mailbox, clock);

  @Test
  void billingPeriodsRunFromTheCycleDayToTheSameDayNextMonthOrAreCalendarMonths() {
    assertEquals(List.of(new Resend.BillingPeriod(LocalDate.of(2024, 5, 5), LocalDate.of(2024, 6, 5)),
            new Resend.BillingPeriod(LocalDate.of(2024, 6, 5), LocalDate.of(2024, 7, 5))),
        BillingPeriods.covering(OptionalInt.of(5), JUNE3, LocalDate.of(2024, 6, 5)));
    assertEquals(List.of(new Resend.BillingPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1))),
        BillingPeriods.covering(OptionalInt.empty(), JUNE3, LocalDate.of(2024, 6, 30)));
    assertEquals(List.of(new Resend.BillingPeriod(LocalDate.of(2023, 12, 28), LocalDate.of(2024, 1, 28))),
        BillingPeriods.covering(OptionalInt.of(28), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 27)));
  }

  @Test
  void eachDeliveredFileGetsATransactionNumberInItsHeaderAndItsPostingsAreRecorded() {
    posted.add(new MarketDay("SDP-M1", MarketDays.day("M1", JUNE3, Instant.parse("2024-06-04T05:00:00Z"))));
    posted.add(new MarketDay("SDP-M1", MarketDays.day("M1", JUNE3.minusDays(1),
        Instant.parse("2024-06-04T05:00:00Z"))));
    posted.add(new MarketDay("SDP-M2", MarketDays.day("M2", JUNE3, Instant.parse("2024-06-04T05:10:00Z"))));
    delivery.run();

    String file = mailbox.files.get("ESP8").get(0).text();
    String[] header = file.substring(0, file.indexOf("\r\n")).split("\\|", -1);
    String transaction = header[6];
    assertTrue(transaction.matches("20240604-[0-9a-f]{16}"), transaction);
    assertEquals("ORIGINAL", header[7]);
    assertEquals(List.of(
            new Resend.Posting("SDP-M1", "202406040600.dat", transaction, LocalDate.of(2024, 6, 4), JUNE3.minusDays(1),
                JUNE3.plusDays(1)),
            new Resend.Posting("SDP-M2", "202406040600.dat", transaction, LocalDate.of(2024, 6, 4), JUNE3,
                JUNE3.plusDays(1))),
        store.postings("ESP8", LocalDate.of(2024, 6, 4)));
  }

  @Test
  void resendsByFileTransactionOrPostingDateCoverTheWholeBillingPeriodsTheirPostingsTouch() {
    posted.add(new MarketDay("SDP-M1", MarketDays.day("M1", JUNE3, Instant.parse("2024-06-04T05:00:00Z"))));
    posted.add(new MarketDay("SDP-M2", MarketDays.day("M2", JUNE3, Instant.parse("2024-06-04T05:10:00Z"))));
    delivery.run();
    String transaction = store.postings("ESP8", LocalDate.of(2024, 6, 4)).get(0).transaction();
    clock.now = Instant.parse("2024-06-10T08:15:00Z");

    var expected = List.of(
        new ResendRecord.Covered("SDP-M1", new Resend.BillingPeriod(LocalDate.of(2024, 5, 5),
            LocalDate.of(2024, 6, 5))),
        new ResendRecord.Covered("SDP-M2", new Resend.BillingPeriod(LocalDate.of(2024, 6, 1),
            LocalDate.of(2024, 7, 1))));
    for (Resend.Request request : List.of(new Resend.ByFileName("202406040600.dat"),
        new Resend.ByTransaction(transaction), new Resend.ByPostingDate(LocalDate.of(2024, 6, 4)))) {
      ResendRecord outcome = resends.resend("ESP8", request, "operator-1");
      assertEquals(expected, outcome.delivered().orElseThrow().periods(), request.toString());
      assertEquals(outcome, store.resend(outcome.id()).orElseThrow());
    }
    var files = mailbox.files.get("ESP8");
    var resent = files.get(files.size() - 1);
    assertTrue(resent.name().matches("202406100815-resend-[0-9a-f]{6}\\.dat"), resent.name());
    assertTrue(resent.text().contains("|RESEND\r\n"), "flagged as a resend in its header");
    // The current data of the whole periods: the one stored day of each service point.
    assertEquals(2, resent.text().lines().filter(l -> l.startsWith("PTD|")).count());
    // The resend is a posting too, so it can itself be sent again.
    assertEquals(2, store.postings("ESP8", LocalDate.of(2024, 6, 10)).stream()
        .filter(p -> p.fileName().equals(resent.name())).count());
  }

  @Test
  void aPeriodResendMustBeWholeBillingPeriodsOfEveryServicePoint() {
    var refused = resends.resend("ESP8", new Resend.ByPeriod(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1)),
        "operator-1");
    assertTrue(refused.refusal().orElseThrow().startsWith("service point SDP-M1: resends cover whole billing periods"
        + " only"), refused.refusal().get());
    assertEquals(List.of(), mailbox.files.getOrDefault("ESP8", List.of()));

    var unknown = resends.resend("ESP8", new Resend.ByFileName("202401010600.dat"), "operator-1");
    assertEquals("no posting with file name 202401010600.dat", unknown.refusal().orElseThrow());
  }

  /** Both service points have ESP8 as billing agent; the stored data is the posted days. */
  private final class Current implements CurrentData {
    @Override
    public List<String> servicePoints(String party, LocalDate from, LocalDate to) {
      return List.of("SDP-M1", "SDP-M2");
    }

    @Override
    public List<MarketDay> current(String party, String servicePoint, LocalDate from, LocalDate to) {
      return posted.stream().filter(d -> d.servicePoint().equals(servicePoint) && !d.data().day().isBefore(from)
          && d.data().day().isBefore(to)).toList();
    }
  }
}
