package org.adcs.mdm.usage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.masterdata.ServicePointTimeline;

/**
 * Releases usage history into suppliers' mailboxes when a customer joins or leaves them (R-MD-3): the
 * supplier left gets its customer's history up to the switch, closing reads included; the supplier
 * joined gets the history of its new customer at the site, if the customer was there before. The
 * history is assembled on the caller's thread (it blocks); the file is written chunk by chunk.
 */
public final class UsageRelease {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  private final MailboxStore mailbox;
  private final UsageSource source;
  private final Function<String, Optional<FixedUsage>> fixedUsage;
  private final ZoneOffset zone;

  public UsageRelease(MailboxStore mailbox, UsageSource source, Function<String, Optional<FixedUsage>> fixedUsage,
      ZoneOffset zone) {
    this.mailbox = mailbox;
    this.source = source;
    this.fixedUsage = fixedUsage;
    this.zone = zone;
  }

  /** The files released for the switches the change shows. */
  public List<MailboxFile> onChange(ServicePointTimeline before, ServicePointTimeline after, Instant now) {
    List<MailboxFile> files = new ArrayList<>();
    for (SupplierSwitch s : SupplierSwitch.between(before, after)) {
      LocalDate asOf = LocalDate.ofInstant(s.at(), zone);
      if (s.oldSupplier().isPresent() && s.leftAccount().isPresent()) {
        release(after, s.leftAccount().get(), asOf, s.oldSupplier().get(), "left", now).ifPresent(files::add);
      }
      if (s.newSupplier().isPresent() && s.joinedAccount().isPresent()) {
        release(after, s.joinedAccount().get(), asOf, s.newSupplier().get(), "joined", now).ifPresent(files::add);
      }
    }
    return files;
  }

  private Optional<MailboxFile> release(ServicePointTimeline timeline, String account, LocalDate asOf, String party,
      String why, Instant now) {
    return UsageHistoryAssembler.assemble(timeline, account, asOf, fixedUsage.apply(timeline.sdpId()), source, zone)
        .map(h -> write(party, h, "usage history of account " + account + " at " + h.sdpId() + ": customer " + why,
            now).toCompletableFuture().join());
  }

  /** Writes the history as a CSV file into the party's mailbox. */
  public CompletionStage<MailboxFile> write(String party, UsageHistory history, String description, Instant now) {
    byte[] content = UsageCsv.format(history).getBytes(StandardCharsets.UTF_8);
    UUID id = MailboxStore.newFileId();
    String name = "usage-" + history.sdpId() + "-" + STAMP.format(now.atOffset(ZoneOffset.UTC)) + ".csv";
    CompletionStage<Void> written = CompletableFuture.completedFuture(null);
    int chunks = 0;
    for (int at = 0; at < content.length || chunks == 0; at += MailboxStore.CHUNK_BYTES) {
      int index = chunks++;
      ByteBuffer piece = ByteBuffer.wrap(content, at, Math.min(MailboxStore.CHUNK_BYTES, content.length - at));
      written = written.thenCompose(v -> mailbox.writeChunk(party, id, index, piece));
    }
    MailboxFile file = new MailboxFile(party, id, name, "csv", content.length, chunks, now, description);
    return written.thenCompose(v -> mailbox.complete(file));
  }
}
