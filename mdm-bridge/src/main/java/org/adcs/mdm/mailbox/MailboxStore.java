package org.adcs.mdm.mailbox;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * Files in parties' mailboxes. A file is written chunk by chunk as its content is produced, and its
 * metadata last, so a listing shows only complete files and no file is ever held whole in memory.
 */
public final class MailboxStore {

  /** Content is stored in pieces of this size (the last one smaller). */
  public static final int CHUNK_BYTES = 256 * 1024;

  private final BoundedSession db;
  private final PreparedStatement insertChunk;
  private final PreparedStatement insertFile;
  private final PreparedStatement selectFiles;
  private final PreparedStatement selectFile;
  private final PreparedStatement selectChunk;

  public MailboxStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    insertChunk = s.prepare("INSERT INTO " + ks + "mailbox_chunks (party, file_id, chunk, data) VALUES (?,?,?,?)");
    insertFile = s.prepare("INSERT INTO " + ks + "mailbox_files (party, file_id, name, format, size, chunks,"
        + " created_at, description) VALUES (?,?,?,?,?,?,?,?)");
    selectFiles = s.prepare("SELECT * FROM " + ks + "mailbox_files WHERE party = ? LIMIT ?");
    selectFile = s.prepare("SELECT * FROM " + ks + "mailbox_files WHERE party = ? AND file_id = ?");
    selectChunk = s.prepare("SELECT data FROM " + ks + "mailbox_chunks WHERE party = ? AND file_id = ? AND chunk = ?");
  }

  /** A new file id: time-based, so a mailbox lists newest first. */
  public static UUID newFileId() {
    return Uuids.timeBased();
  }

  public CompletionStage<Void> writeChunk(String party, UUID file, int index, ByteBuffer data) {
    return db.executeAsync(insertChunk.bind(party, file, index, data).setIdempotent(true)).thenApply(rs -> null);
  }

  /** Makes the file visible, once all its chunks are written. */
  public CompletionStage<MailboxFile> complete(MailboxFile file) {
    return db.executeAsync(insertFile.bind(file.party(), file.id(), file.name(), file.format(), file.size(),
        file.chunks(), file.createdAt(), file.description()).setIdempotent(true)).thenApply(rs -> file);
  }

  /** The party's newest {@code limit} files, newest first. */
  public CompletionStage<List<MailboxFile>> list(String party, int limit) {
    return db.executeAsync(selectFiles.bind(party, limit)).thenApply(rs -> {
      List<MailboxFile> files = new ArrayList<>();
      for (Row row : rs.currentPage()) {
        files.add(file(row));
      }
      return files;
    });
  }

  public CompletionStage<Optional<MailboxFile>> file(String party, UUID id) {
    return db.executeAsync(selectFile.bind(party, id)).thenApply(rs -> Optional.ofNullable(rs.one()).map(MailboxStore::file));
  }

  /** Chunk {@code index} of a complete file. */
  public CompletionStage<ByteBuffer> chunk(MailboxFile file, int index) {
    return db.executeAsync(selectChunk.bind(file.party(), file.id(), index)).thenApply(rs -> {
      Row row = rs.one();
      if (row == null) {
        throw new IllegalStateException("chunk " + index + " of mailbox file " + file.id() + " is missing");
      }
      return row.getByteBuffer("data");
    });
  }

  private static MailboxFile file(Row row) {
    return new MailboxFile(row.getString("party"), row.getUuid("file_id"), row.getString("name"),
        row.getString("format"), row.getLong("size"), row.getInt("chunks"),
        Optional.ofNullable(row.getInstant("created_at")).orElse(Instant.EPOCH), row.getString("description"));
  }
}
