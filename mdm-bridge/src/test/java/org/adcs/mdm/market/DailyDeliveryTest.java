package org.adcs.mdm.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The daily delivery's cursor logic and its reports, with in-memory store, mailbox and posted data. */
class DailyDeliveryTest {

  private static final ZoneOffset PST = ZoneOffset.ofHours(-8);
  private static final DeliverySchedule SCHEDULE = new DeliverySchedule(LocalTime.of(6, 0), PST, 10);

  /** Posted days by party, each with its posting time. */
  private final Map<String, List<MarketDay>> postedByParty = new HashMap<>();
  private final MemoryStore store = new MemoryStore();
  private final MemoryMailbox mailbox = new MemoryMailbox();
  private final MovableClock clock = new MovableClock(Instant.parse("2024-06-04T14:30:00Z"));
  private final DailyDelivery delivery = new DailyDelivery(
      List.of(new MarketParty("ESP7", MarketFormat.CMEP), new MarketParty("ESP8", MarketFormat.EDI_867)), SCHEDULE,
      "MDMA1", this::posted, store, mailbox, clock);

  private List<MarketDay> posted(String party, LocalDate throughDay, Instant after, Instant upTo) {
    return postedByParty.getOrDefault(party, List.of()).stream()
        .filter(d -> !d.data().day().isAfter(throughDay) && d.data().postedAt().isAfter(after)
            && !d.data().postedAt().isAfter(upTo))
        .toList();
  }

  private void post(String party, String meter, LocalDate day, Instant at) {
    postedByParty.computeIfAbsent(party, p -> new ArrayList<>()).add(new MarketDay("SDP-" + meter,
        MarketDays.day(meter, day, at)));
  }

  @Test
  void eachPartyGetsOneFilePerDayWithWhatWasPostedSinceItsLastFile() {
    LocalDate june3 = LocalDate.of(2024, 6, 3);
    post("ESP7", "M1", june3, Instant.parse("2024-06-04T10:00:00Z"));
    post("ESP8", "M2", june3, Instant.parse("2024-06-04T11:00:00Z"));
    // Posted after the cut-off (14:00Z): goes in the next file.
    post("ESP7", "M3", june3, Instant.parse("2024-06-04T14:10:00Z"));

    var first = delivery.run();
    assertEquals(2, first.size());
    var esp7 = mailbox.files.get("ESP7");
    assertEquals(1, esp7.size());
    assertEquals("202406040600.dat", esp7.get(0).name());
    var records = CmepParser.parse(esp7.get(0).text());
    assertEquals(List.of("M1/active-import"), records.stream().map(CmepRecord::meter).toList());
    assertTrue(mailbox.files.get("ESP8").get(0).text().startsWith("HDR|867|MDMA1|ESP8|"));
    assertEquals(List.of(), delivery.run(), "nothing is due twice");

    clock.now = Instant.parse("2024-06-05T14:05:00Z");
    var second = delivery.run();
    assertEquals(2, second.size());
    assertEquals("202406050600.dat", esp7.get(1).name());
    assertEquals(List.of("M3/active-import"),
        CmepParser.parse(esp7.get(1).text()).stream().map(CmepRecord::meter).toList());
    assertEquals(0, second.get(1).channelDays(), "ESP8 had nothing new, and still gets its day's file");
  }

  @Test
  void aFailedRunKeepsTheCursorSoTheDayIsDeliveredOnTheNextRunAndMissedDaysCatchUp() {
    LocalDate june3 = LocalDate.of(2024, 6, 3);
    post("ESP7", "M1", june3, Instant.parse("2024-06-04T10:00:00Z"));
    mailbox.failFor = "ESP7";
    assertThrows(IllegalStateException.class, delivery::run);
    assertEquals(Optional.empty(), store.cursor("ESP7"));
    assertEquals(1, mailbox.files.get("ESP8").size(), "one party's failure does not hold up the others");

    mailbox.failFor = null;
    clock.now = Instant.parse("2024-06-06T15:00:00Z");
    post("ESP7", "M1", june3.plusDays(1), Instant.parse("2024-06-05T12:00:00Z"));
    var delivered = delivery.run().stream().filter(r -> r.party().equals("ESP7")).toList();
    // A party without a cursor starts at the latest due day; its window runs from the cut-off before.
    assertEquals(List.of(LocalDate.of(2024, 6, 6)), delivered.stream().map(DeliveryRecord::day).toList());

    clock.now = Instant.parse("2024-06-09T15:00:00Z");
    post("ESP7", "M1", june3.plusDays(3), Instant.parse("2024-06-07T12:00:00Z"));
    post("ESP7", "M2", june3.plusDays(4), Instant.parse("2024-06-08T16:00:00Z"));
    var caughtUp = delivery.run().stream().filter(r -> r.party().equals("ESP7")).toList();
    assertEquals(List.of(LocalDate.of(2024, 6, 7), LocalDate.of(2024, 6, 8), LocalDate.of(2024, 6, 9)),
        caughtUp.stream().map(DeliveryRecord::day).toList());
    assertEquals(List.of(1, 0, 1), caughtUp.stream().map(DeliveryRecord::channelDays).toList());
    assertEquals(new DeliveryCursor("ESP7", LocalDate.of(2024, 6, 9), SCHEDULE.cutoff(LocalDate.of(2024, 6, 9))),
        store.cursor("ESP7").orElseThrow());
  }

  @Test
  void reportsShowLateAndMissingFilesAndTheEstimatedShare() {
    LocalDate june3 = LocalDate.of(2024, 6, 3);
    post("ESP7", "M1", june3, Instant.parse("2024-06-04T10:00:00Z"));
    delivery.run();
    // The next two days' runs did not happen; the catch-up comes late on June 7.
    clock.now = Instant.parse("2024-06-06T20:00:00Z");
    delivery.run();

    var rows = MarketReports.punctuality("ESP7", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 7),
        store.deliveries("ESP7", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 7)), SCHEDULE, Duration.ofHours(1),
        clock.now);
    assertEquals(List.of(MarketReports.Punctuality.MISSING, MarketReports.Punctuality.ON_TIME,
        MarketReports.Punctuality.LATE, MarketReports.Punctuality.LATE, MarketReports.Punctuality.NOT_DUE),
        rows.stream().map(MarketReports.ScheduledDelivery::punctuality).toList());

    var share = MarketReports.estimatedShare("ESP7", store.deliveries("ESP7", june3, june3.plusDays(5)));
    assertEquals(96, share.intervals());
    assertEquals(2, share.estimatedIntervals());
    assertEquals(new BigDecimal("0.240"), share.estimatedUsage());
    // 0.240 of 46.725 billable (the day's 47.040 less the NVE interval's 0.315).
    assertEquals(new BigDecimal("46.725"), share.usage());
    assertEquals(new BigDecimal("0.51"), share.percent());
  }

  record StoredFile(String name, String text) {}

  static final class MemoryMailbox implements MarketMailbox {
    final Map<String, List<StoredFile>> files = new HashMap<>();
    String failFor;

    @Override
    public UUID put(String party, String name, MarketFormat format, String description, byte[] content,
        Instant createdAt) {
      if (party.equals(failFor)) {
        throw new IllegalStateException("the mailbox store is unavailable");
      }
      files.computeIfAbsent(party, p -> new ArrayList<>()).add(new StoredFile(name,
          new String(content, StandardCharsets.UTF_8)));
      return UUID.randomUUID();
    }
  }

  static final class MemoryStore implements MarketStore {
    final Map<String, DeliveryCursor> cursors = new HashMap<>();
    final List<DeliveryRecord> records = new ArrayList<>();
    final Map<String, List<org.adcs.mdm.specialread.Resend.Posting>> postings = new HashMap<>();
    final Map<UUID, ResendRecord> resends = new HashMap<>();

    @Override
    public Optional<DeliveryCursor> cursor(String party) {
      return Optional.ofNullable(cursors.get(party));
    }

    @Override
    public void saveCursor(DeliveryCursor cursor) {
      cursors.put(cursor.party(), cursor);
    }

    @Override
    public void record(DeliveryRecord delivery) {
      records.add(delivery);
    }

    @Override
    public List<DeliveryRecord> deliveries(String party, LocalDate from, LocalDate to) {
      return records.stream().filter(r -> r.party().equals(party) && !r.day().isBefore(from) && !r.day().isAfter(to))
          .toList();
    }

    @Override
    public void recordPostings(String party, List<org.adcs.mdm.specialread.Resend.Posting> recorded) {
      postings.computeIfAbsent(party, p -> new ArrayList<>()).addAll(recorded);
    }

    @Override
    public List<org.adcs.mdm.specialread.Resend.Posting> postings(String party, LocalDate postingDate) {
      return postings.getOrDefault(party, List.of()).stream().filter(p -> p.postingDate().equals(postingDate))
          .toList();
    }

    @Override
    public void saveResend(ResendRecord resend) {
      resends.put(resend.id(), resend);
    }

    @Override
    public Optional<ResendRecord> resend(UUID id) {
      return Optional.ofNullable(resends.get(id));
    }
  }

  static final class MovableClock extends Clock {
    Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
