package org.adcs.mdm.billing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.masterdata.MasterDataStore;

/**
 * Billing quantities on request and by schedule (R-MD-4): pulled responses and each cycle run's
 * responses are stored with their version time, and a cycle's run is also put, as one JSON file, in
 * the billing agent's mailbox. Calls block; callers run them where blocking is allowed.
 */
public final class BillingService {

  /** A version time later than any: the store's timestamps end in year 9999 or so. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final BillingQuantities quantities;
  private final MasterDataStore masterData;
  private final BillingStore store;
  private final MailboxStore mailbox;
  private final ZoneId zone;
  private final Clock clock;
  private final CassandraWait wait;

  public BillingService(BillingQuantities quantities, MasterDataStore masterData, BillingStore store,
      MailboxStore mailbox, ZoneId zone, Clock clock, Duration timeout) {
    this.quantities = quantities;
    this.masterData = masterData;
    this.store = store;
    this.mailbox = mailbox;
    this.zone = zone;
    this.clock = clock;
    this.wait = new CassandraWait(timeout);
  }

  /** Computes, stores and returns the response to a request (pulled on or off cycle). */
  public BqResponse request(BqRequest request) {
    BqResponse response = quantities.compute(request, masterData.timeline(request.sdpId()), clock.instant());
    wait.await(store.save(response));
    return response;
  }

  /** The newest version of a response computed at or before {@code asOf} (the latest without it). */
  public Optional<BqResponse> response(String requestId, Optional<Instant> asOf) {
    return wait.await(store.response(requestId, asOf.orElse(LATEST)));
  }

  public void saveCycle(BillingCycle cycle) {
    wait.await(store.save(cycle, clock.instant()));
  }

  public Optional<BillingCycle> cycle(String name) {
    return wait.await(store.cycle(name));
  }

  /** Runs every cycle due on the local date of now; the runs made. */
  public List<CycleRun> runDue() {
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    List<CycleRun> runs = new ArrayList<>();
    for (BillingCycle cycle : wait.await(store.cycles())) {
      if (cycle.dueOn(today)) {
        runs.add(run(cycle, today));
      }
    }
    return runs;
  }

  /**
   * One run of a cycle on {@code runDate}: the month that ended at that local midnight, each service
   * point's response stored and all of them written to the billing agent's mailbox, then the run noted.
   */
  public CycleRun run(BillingCycle cycle, LocalDate runDate) {
    Instant from = runDate.minusMonths(1).atStartOfDay(zone).toInstant();
    Instant to = runDate.atStartOfDay(zone).toInstant();
    UUID fileId = MailboxStore.newFileId();
    ChunkWriter file = new ChunkWriter(cycle.billingAgent(), fileId);
    file.write("{\"cycle\":" + BqCodec.json(cycle.name()) + ",\"runDate\":\"" + runDate + "\",\"responses\":[");
    int complete = 0;
    for (int i = 0; i < cycle.servicePoints().size(); i++) {
      String sdp = cycle.servicePoints().get(i);
      BqResponse response = request(BqRequest.of(cycle.requestId(runDate, sdp), sdp, cycle.billingAgent(), from, to,
          cycle.framing()));
      complete += response.complete() ? 1 : 0;
      file.write((i == 0 ? "" : ",") + BqCodec.json(BqCodec.fields(response)));
    }
    file.write("]}");
    String name = "bq-" + cycle.name() + "-" + runDate.toString().replace("-", "") + ".json";
    MailboxFile done = file.complete(name, "billing quantities of cycle " + cycle.name() + " for " + from + " to " + to);
    wait.await(store.save(cycle.ranOn(runDate), clock.instant()));
    return new CycleRun(cycle.name(), runDate, from, to, cycle.servicePoints().size(), complete, done);
  }

  /** What a cycle run produced: how many responses, how many complete, and the mailbox file. */
  public record CycleRun(String cycle, LocalDate runDate, Instant from, Instant to, int responses, int complete,
      MailboxFile file) {}

  /** Writes a mailbox file piece by piece, so a large cycle is never held whole. */
  private final class ChunkWriter {
    private final String party;
    private final UUID id;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private int chunks;
    private long size;

    ChunkWriter(String party, UUID id) {
      this.party = party;
      this.id = id;
    }

    void write(String text) {
      pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      while (pending.size() >= MailboxStore.CHUNK_BYTES) {
        byte[] all = pending.toByteArray();
        flush(ByteBuffer.wrap(all, 0, MailboxStore.CHUNK_BYTES));
        pending.reset();
        pending.write(all, MailboxStore.CHUNK_BYTES, all.length - MailboxStore.CHUNK_BYTES);
      }
    }

    private void flush(ByteBuffer piece) {
      size += piece.remaining();
      wait.await(mailbox.writeChunk(party, id, chunks++, piece));
    }

    MailboxFile complete(String name, String description) {
      if (pending.size() > 0) {
        flush(ByteBuffer.wrap(pending.toByteArray()));
      }
      return wait.await(mailbox.complete(new MailboxFile(party, id, name, "json", size, chunks, clock.instant(),
          description)));
    }
  }
}
