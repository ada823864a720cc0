package org.adcs.mdm.market;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxStore;

/** Puts market files in the parties' mailboxes of {@link MailboxStore}, chunk by chunk, listed once complete. */
public final class StoredMarketMailbox implements MarketMailbox {

  private final MailboxStore store;

  public StoredMarketMailbox(MailboxStore store) {
    this.store = store;
  }

  @Override
  public UUID put(String party, String name, MarketFormat format, String description, byte[] content,
      Instant createdAt) {
    UUID id = MailboxStore.newFileId();
    int chunks = 0;
    for (int at = 0; at < content.length || chunks == 0; at += MailboxStore.CHUNK_BYTES) {
      int length = Math.min(MailboxStore.CHUNK_BYTES, content.length - at);
      store.writeChunk(party, id, chunks++, ByteBuffer.wrap(java.util.Arrays.copyOfRange(content, at, at + length))).toCompletableFuture().join();
    }
    store.complete(new MailboxFile(party, id, name, format.wire(), content.length, chunks, createdAt, description))
        .toCompletableFuture().join();
    return id;
  }
}
