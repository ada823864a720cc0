package org.adcs.mdm.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreConnection;
import org.adcs.mdm.store.StoreSchema;
import org.adcs.mdm.store.testing.CassandraTestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mailboxes, extracts and party usage in a real Cassandra node: a file's chunks come back byte for
 * byte, listings are per party and newest first, extracts survive as stored, usage counts add up.
 */
class MailboxStoreIT {

  private static final String KEYSPACE = "adcs_mailbox_it";
  /** Parties of this run only, should the node keep data between runs. */
  private static final String RUN = Long.toHexString(System.nanoTime());
  private static StoreConnection connection;
  private static MailboxStore mailbox;
  private static ExtractStore extracts;
  private static PartyUsage usage;

  @BeforeAll
  static void openStore() {
    connection = StoreConnection.open(CassandraTestNode.settings(KEYSPACE));
    MdmStore store = MdmStore.open(connection, 16, StoreSchema.DEFAULT_RETENTION);
    MailboxSchema.create(connection.session(), KEYSPACE, StoreSchema.DEFAULT_RETENTION);
    mailbox = new MailboxStore(store.db(), KEYSPACE);
    extracts = new ExtractStore(store.db(), KEYSPACE);
    usage = new PartyUsage(store.db(), KEYSPACE);
  }

  @AfterAll
  static void close() {
    connection.close();
  }

  private static MailboxFile write(String party, byte[] content) throws Exception {
    UUID id = MailboxStore.newFileId();
    int chunks = 0;
    for (int at = 0; at < content.length; at += MailboxStore.CHUNK_BYTES) {
      int size = Math.min(MailboxStore.CHUNK_BYTES, content.length - at);
      mailbox.writeChunk(party, id, chunks++, ByteBuffer.wrap(content, at, size)).toCompletableFuture().get();
    }
    return mailbox.complete(new MailboxFile(party, id, id + ".csv", "csv", content.length, chunks, Instant.now(),
        "test")).toCompletableFuture().get();
  }

  @Test
  void aFileComesBackByteForByteAndOnlyInItsPartysMailbox() throws Exception {
    byte[] content = new byte[MailboxStore.CHUNK_BYTES * 2 + 1234];
    new Random(7).nextBytes(content);
    MailboxFile first = write("party-a-" + RUN, "first".getBytes());
    MailboxFile file = write("party-a-" + RUN, content);
    assertEquals(3, file.chunks());

    MailboxFile stored = mailbox.file("party-a-" + RUN, file.id()).toCompletableFuture().get().orElseThrow();
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    for (int i = 0; i < stored.chunks(); i++) {
      ByteBuffer chunk = mailbox.chunk(stored, i).toCompletableFuture().get();
      byte[] bytes = new byte[chunk.remaining()];
      chunk.get(bytes);
      back.write(bytes);
    }
    assertArrayEquals(content, back.toByteArray());
    assertEquals(content.length, stored.size());

    List<MailboxFile> listed = mailbox.list("party-a-" + RUN, 10).toCompletableFuture().get();
    assertEquals(List.of(file.id(), first.id()), listed.stream().map(MailboxFile::id).toList(), "newest first");
    assertTrue(mailbox.list("party-b-" + RUN, 10).toCompletableFuture().get().isEmpty());
    assertTrue(mailbox.file("party-b-" + RUN, file.id()).toCompletableFuture().get().isEmpty());
  }

  @Test
  void extractsAreStoredAsTheyAreAndDeleted() throws Exception {
    Extract extract = new Extract(UUID.randomUUID(), "party-x-" + RUN, Extract.Schedule.ONCE, "validated", "xml", "Europe/Paris",
        List.of("M1", "M2"), List.of("active-import"), Optional.of(LocalDate.of(2024, 3, 1)),
        Optional.of(LocalDate.of(2024, 3, 8)), Optional.of(Instant.parse("2024-03-09T05:00:00Z")),
        Instant.parse("2024-03-08T12:00:00Z"), 0, Optional.empty(), Optional.empty(), Optional.empty());
    extracts.save(extract).toCompletableFuture().get();
    assertEquals(Optional.of(extract), extracts.find(extract.id()).toCompletableFuture().get());
    Extract ran = extract.ran(Instant.parse("2024-03-09T05:00:01Z"), Optional.of(MailboxStore.newFileId()),
        Optional.empty(), Optional.empty());
    extracts.save(ran).toCompletableFuture().get();
    assertEquals(Optional.of(ran), extracts.find(extract.id()).toCompletableFuture().get());
    assertTrue(extracts.all().toCompletableFuture().get().contains(ran));
    extracts.delete(extract.id()).toCompletableFuture().get();
    assertEquals(Optional.empty(), extracts.find(extract.id()).toCompletableFuture().get());
  }

  @Test
  void usageCountsEachReadPerPartyAndDay() throws Exception {
    LocalDate day = LocalDate.of(2024, 5, 1);
    for (int i = 0; i < 3; i++) {
      usage.countRead("party-u-" + RUN, day).toCompletableFuture().get();
    }
    usage.countRead("party-u-" + RUN, day.plusDays(1)).toCompletableFuture().get();
    assertEquals(3, usage.reads("party-u-" + RUN, day).toCompletableFuture().get());
    assertEquals(0, usage.reads("party-v-" + RUN, day).toCompletableFuture().get());
    var since = usage.readsSince("party-u-" + RUN, day).toCompletableFuture().get();
    assertEquals(List.of(day.plusDays(1), day), List.copyOf(since.keySet()), "newest first");
    assertEquals(1L, since.get(day.plusDays(1)));
  }
}
