package org.adcs.mdm.market;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The daily market delivery (R-MD-5): for each party, each due day's file holding what was posted
 * since its previous file, put in its mailbox, recorded, and only then the party's cursor moved. A run
 * that stops half-way leaves the cursor where it was, so the next run delivers that day again: a file
 * may come twice, nothing is lost. Each file gets its own transaction number (in its header where the
 * format has one) and what it posted per service point is recorded for resends (R-VEE-3). Runs must
 * not overlap (the caller runs them one at a time).
 */
public final class DailyDelivery {

  private final List<MarketParty> parties;
  private final DeliverySchedule schedule;
  private final String sender;
  private final PostedData posted;
  private final MarketStore store;
  private final MarketMailbox mailbox;
  private final Clock clock;

  public DailyDelivery(List<MarketParty> parties, DeliverySchedule schedule, String sender, PostedData posted,
      MarketStore store, MarketMailbox mailbox, Clock clock) {
    this.parties = List.copyOf(parties);
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.posted = posted;
    this.store = store;
    this.mailbox = mailbox;
    this.clock = clock;
  }

  public DeliverySchedule schedule() {
    return schedule;
  }

  public List<MarketParty> parties() {
    return parties;
  }

  /**
   * Delivers every due day of every party; returns the files delivered. A party whose delivery fails
   * does not hold up the others; the first failure is thrown at the end (the others suppressed in it).
   */
  public List<DeliveryRecord> run() {
    List<DeliveryRecord> delivered = new ArrayList<>();
    Instant now = clock.instant();
    RuntimeException failure = null;
    for (MarketParty party : parties) {
      try {
        deliver(party, now, delivered);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    return delivered;
  }

  private void deliver(MarketParty party, Instant now, List<DeliveryRecord> delivered) {
    Optional<DeliveryCursor> cursor = store.cursor(party.id());
    for (LocalDate day : schedule.due(cursor, now)) {
      var window = schedule.window(cursor, day);
      List<MarketDay> days = posted.posted(party.id(),
          window.to().atOffset(schedule.standardTime()).toLocalDate(), window.from(), window.to());
      Instant created = clock.instant();
      String transaction = Postings.transaction(day);
      String content = party.format().render(new Envelope(sender, party.id(), created, schedule.standardTime(),
          transaction, false), days);
      String name = schedule.fileName(day);
      UUID file = mailbox.put(party.id(), name, party.format(), "market data of " + day + " (" + days.size()
          + " channel days)", content.getBytes(StandardCharsets.UTF_8), created);
      DeliveryRecord record = DeliveryRecord.of(party.id(), day, window.to(), created, file, name, party.format(), days);
      // What the file posted is recorded before the cursor moves: a resend can find every delivered posting.
      store.recordPostings(party.id(), Postings.of(name, transaction, day, days));
      store.record(record);
      DeliveryCursor next = new DeliveryCursor(party.id(), day, window.to());
      store.saveCursor(next);
      cursor = Optional.of(next);
      delivered.add(record);
    }
  }
}
