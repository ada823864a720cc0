package org.adcs.mdm.market;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.specialread.Resend;

/**
 * Resends on request (R-VEE-3, R-MD-5): the request is resolved against the party's recorded postings
 * and each service point's billing periods ({@link BillingPeriods}) with {@link Resend#resolve}; the
 * whole billing periods found are sent again in one file, with the data as it is now (newest
 * versions), in the party's format, named {@code ccyymmddhhmm-resend-<6 hex>.dat} and marked as a
 * resend in its header where the format has one. The file is recorded as a posting like any other,
 * and the outcome, delivered or refused, is kept under the resend's id.
 */
public final class MarketResends {

  /** Most service point days one resend may hold (a file stays a few megabytes per channel). */
  public static final int MAX_SERVICE_POINT_DAYS = 5_000;
  private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMddHHmm");

  private final Map<String, MarketParty> parties = new LinkedHashMap<>();
  private final String sender;
  private final ZoneOffset standardTime;
  private final MarketStore store;
  private final CurrentData data;
  private final BillingPeriods.CycleDays cycles;
  private final MarketMailbox mailbox;
  private final Clock clock;

  public MarketResends(List<MarketParty> parties, String sender, ZoneOffset standardTime, MarketStore store,
      CurrentData data, BillingPeriods.CycleDays cycles, MarketMailbox mailbox, Clock clock) {
    parties.forEach(p -> this.parties.put(p.id(), p));
    this.sender = Objects.requireNonNull(sender, "sender");
    this.standardTime = standardTime;
    this.store = store;
    this.data = data;
    this.cycles = cycles;
    this.mailbox = mailbox;
    this.clock = clock;
  }

  public boolean knows(String party) {
    return parties.containsKey(party);
  }

  /** Resolves and, unless refused, delivers; the outcome is stored. Blocks. */
  public ResendRecord resend(String party, Resend.Request request, String requestedBy) {
    MarketParty to = Optional.ofNullable(parties.get(party))
        .orElseThrow(() -> new IllegalArgumentException("no market party " + party + " is configured"));
    UUID id = com.datastax.oss.driver.api.core.uuid.Uuids.timeBased();
    // Stored to the millisecond: the answer now and the one read back later are the same.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Resolved resolved = resolve(party, request);
    ResendRecord record = resolved instanceof Covering covering
        ? deliver(id, to, requestedBy, request, covering.periods(), now)
        : new ResendRecord(id, party, requestedBy, kind(request), key(request), now, Optional.empty(),
            Optional.of(((Refusal) resolved).reason()));
    store.saveResend(record);
    return record;
  }

  public Optional<ResendRecord> outcome(UUID id) {
    return store.resend(id);
  }

  private sealed interface Resolved {}

  /** The whole billing periods to send per service point. */
  private record Covering(List<ResendRecord.Covered> periods) implements Resolved {}

  private record Refusal(String reason) implements Resolved {}

  private static Refusal refusal(Resend.Outcome outcome) {
    return new Refusal(((Resend.Refused) outcome).reason());
  }

  private Resolved resolve(String party, Resend.Request request) {
    if (request instanceof Resend.ByPeriod p) {
      if (!p.to().isAfter(p.from())) {
        return refusal(Resend.resolve(p, List.of(), List.of()));
      }
      List<ResendRecord.Covered> covered = new ArrayList<>();
      for (String sdp : data.servicePoints(party, p.from(), p.to())) {
        var outcome = Resend.resolve(p, List.of(), BillingPeriods.covering(cycles.dayOfMonth(party, sdp), p.from(),
            p.to().minusDays(1)));
        if (outcome instanceof Resend.Refused refused) {
          return new Refusal("service point " + sdp + ": " + refused.reason());
        }
        ((Resend.Periods) outcome).periods().forEach(b -> covered.add(new ResendRecord.Covered(sdp, b)));
      }
      return covered.isEmpty() ? new Refusal("no service point of " + party + " from " + p.from() + " to "
          + p.to()) : bounded(covered);
    }
    // File names and transaction numbers begin with their posting date (see Postings).
    String lookup = key(request).replace("-", "");
    List<Resend.Posting> postings;
    try {
      postings = Postings.postingDate(lookup).map(day -> store.postings(party, day)).orElse(List.of());
    } catch (IllegalArgumentException tooMany) {
      return new Refusal(tooMany.getMessage() + "; ask by period for fewer billing periods");
    }
    Map<String, List<Resend.Posting>> bySdp = new LinkedHashMap<>();
    postings.forEach(p -> bySdp.computeIfAbsent(p.sdpId(), s -> new ArrayList<>()).add(p));
    List<ResendRecord.Covered> covered = new ArrayList<>();
    for (var entry : bySdp.entrySet()) {
      LocalDate first = entry.getValue().stream().map(Resend.Posting::from).min(LocalDate::compareTo).orElseThrow();
      LocalDate last = entry.getValue().stream().map(p -> p.to().minusDays(1)).max(LocalDate::compareTo)
          .orElseThrow();
      var outcome = Resend.resolve(request, entry.getValue(),
          BillingPeriods.covering(cycles.dayOfMonth(party, entry.getKey()), first, last));
      if (outcome instanceof Resend.Periods periods) {
        periods.periods().forEach(b -> covered.add(new ResendRecord.Covered(entry.getKey(), b)));
      }
    }
    // No service point matched: the rules say why (no posting with that name, number or date).
    return covered.isEmpty() ? refusal(Resend.resolve(request, List.of(), List.of())) : bounded(covered);
  }

  private static Resolved bounded(List<ResendRecord.Covered> covered) {
    long days = covered.stream().mapToLong(c -> ChronoUnit.DAYS.between(c.period().from(), c.period().to())).sum();
    if (days > MAX_SERVICE_POINT_DAYS) {
      return new Refusal("the resend would cover " + days + " service point days, more than "
          + MAX_SERVICE_POINT_DAYS + "; ask for fewer billing periods");
    }
    return new Covering(covered);
  }

  private ResendRecord deliver(UUID id, MarketParty to, String requestedBy, Resend.Request request,
      List<ResendRecord.Covered> covered, Instant now) {
    LocalDate postingDate = now.atOffset(standardTime).toLocalDate();
    String transaction = Postings.transaction(postingDate);
    String name = NAME.format(LocalDateTime.ofInstant(now, standardTime)) + "-resend-"
        + transaction.substring(transaction.length() - 6) + ".dat";
    List<MarketDay> days = new ArrayList<>();
    for (ResendRecord.Covered c : covered) {
      days.addAll(data.current(to.id(), c.servicePoint(), c.period().from(), c.period().to()));
    }
    String content = to.format().render(new Envelope(sender, to.id(), now, standardTime, transaction, true), days);
    UUID file = mailbox.put(to.id(), name, to.format(), "market data sent again (" + kind(request) + " "
        + key(request) + ", " + days.size() + " channel days)", content.getBytes(StandardCharsets.UTF_8), now);
    List<Resend.Posting> postings = new ArrayList<>();
    for (ResendRecord.Covered c : covered) {
      postings.add(new Resend.Posting(c.servicePoint(), name, transaction, postingDate, c.period().from(),
          c.period().to()));
    }
    store.recordPostings(to.id(), postings);
    return new ResendRecord(id, to.id(), requestedBy, kind(request), key(request), now,
        Optional.of(new ResendRecord.Delivered(file, name, transaction, to.format(), days.size(), covered)),
        Optional.empty());
  }

  static String kind(Resend.Request request) {
    if (request instanceof Resend.ByFileName) {
      return "fileName";
    }
    if (request instanceof Resend.ByTransaction) {
      return "transaction";
    }
    return request instanceof Resend.ByPostingDate ? "postingDate" : "period";
  }

  static String key(Resend.Request request) {
    if (request instanceof Resend.ByFileName f) {
      return f.fileName();
    }
    if (request instanceof Resend.ByTransaction t) {
      return t.transaction();
    }
    if (request instanceof Resend.ByPostingDate d) {
      return d.postingDate().toString();
    }
    Resend.ByPeriod p = (Resend.ByPeriod) request;
    return p.from() + "/" + p.to();
  }
}
