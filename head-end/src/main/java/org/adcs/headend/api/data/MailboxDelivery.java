package org.adcs.headend.api.data;

import akka.NotUsed;
import akka.actor.typed.ActorSystem;
import akka.japi.Pair;
import akka.stream.javadsl.Source;
import akka.util.ByteString;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.mailbox.MailboxStore;

/**
 * Writes a document into a party's mailbox as it is produced, in chunks of
 * {@link MailboxStore#CHUNK_BYTES}, and reads a file back chunk by chunk.
 */
public final class MailboxDelivery {

  private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

  private final MailboxStore store;
  private final ActorSystem<?> system;
  private final Clock clock;

  public MailboxDelivery(MailboxStore store, ActorSystem<?> system, Clock clock) {
    this.store = store;
    this.system = system;
    this.clock = clock;
  }

  public MailboxStore store() {
    return store;
  }

  /** A file named by its creation time (UTC, ccyymmddhhmm), what made it and its format. */
  public CompletionStage<MailboxFile> write(String party, String namePart, ReadingFormat format, String description,
      Source<ByteString, NotUsed> content) {
    UUID id = MailboxStore.newFileId();
    var created = clock.instant();
    String name = NAME_TIME.format(created.atOffset(ZoneOffset.UTC)) + "-" + namePart + "-"
        + id.toString().substring(0, 8) + "." + format.wire();
    return content.via(chunks()).zipWithIndex()
        .mapAsync(1, chunk -> store.writeChunk(party, id, Math.toIntExact(chunk.second()),
            chunk.first().asByteBuffer()).thenApply(done -> (long) chunk.first().size()))
        .runFold(new long[2], (total, size) -> new long[] {total[0] + size, total[1] + 1}, system)
        .thenCompose(total -> store.complete(new MailboxFile(party, id, name, format.wire(), total[0],
            Math.toIntExact(total[1]), created, description)));
  }

  /** A complete file's content, read one chunk at a time. */
  public Source<ByteString, NotUsed> content(MailboxFile file) {
    return Source.range(0, file.chunks() - 1).mapAsync(1, i -> store.chunk(file, i)).map(ByteString::fromByteBuffer);
  }

  /** Cuts a byte stream into pieces of exactly {@link MailboxStore#CHUNK_BYTES} (the last one smaller). */
  static akka.stream.javadsl.Flow<ByteString, ByteString, NotUsed> chunks() {
    int size = MailboxStore.CHUNK_BYTES;
    return akka.stream.javadsl.Flow.of(ByteString.class)
        .statefulMap(ByteString::emptyByteString, (buffer, bytes) -> {
          ByteString all = buffer.concat(bytes);
          List<ByteString> full = new java.util.ArrayList<>();
          while (all.size() >= size) {
            full.add(all.take(size).compact());
            all = all.drop(size);
          }
          return Pair.create(all, full);
        }, rest -> rest.isEmpty() ? Optional.empty() : Optional.of(List.<ByteString>of(rest.compact())))
        .mapConcat(list -> list);
  }
}
