package org.adcs.headend.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.journal.JournalSettings;

/**
 * Journal rows as akka-persistence-jdbc wrote them (H2 layout of db/journal/h2), and the baseline: the
 * same rows written again with plain batched JDBC into a fresh database of the same schema.
 */
final class JournalRows {

  /** One event row with its tags, byte for byte as stored. */
  record Row(long ordering, String persistenceId, long sequenceNr, String writer, long writeTimestamp,
      String adapterManifest, byte[] payload, int serializerId, String serializerManifest, List<String> tags) {}

  private JournalRows() {}

  static long maxOrdering(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(\"ordering\"), 0) FROM \"event_journal\"")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The rows after {@code ordering} of the given persistence ids, in journal order. */
  static List<Row> after(Connection c, long ordering, Set<String> persistenceIds) throws SQLException {
    Map<Long, Row> rows = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT \"ordering\", \"persistence_id\", \"sequence_number\","
        + " \"writer\", \"write_timestamp\", \"adapter_manifest\", \"event_payload\", \"event_ser_id\","
        + " \"event_ser_manifest\" FROM \"event_journal\" WHERE \"ordering\" > ? ORDER BY \"ordering\"")) {
      s.setLong(1, ordering);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String pid = r.getString(2);
          if (persistenceIds.contains(pid)) {
            rows.put(r.getLong(1), new Row(r.getLong(1), pid, r.getLong(3), r.getString(4), r.getLong(5),
                r.getString(6), r.getBytes(7), r.getInt(8), r.getString(9), new ArrayList<>()));
          }
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "SELECT \"event_id\", \"tag\" FROM \"event_tag\" WHERE \"event_id\" > ?")) {
      s.setLong(1, ordering);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Row row = rows.get(r.getLong(1));
          if (row != null) {
            row.tags().add(r.getString(2));
          }
        }
      }
    }
    return new ArrayList<>(rows.values());
  }

  /** The highest event of each tag after {@code ordering}: where each projection slice must get to. */
  static Map<String, Long> lastEventByTag(Connection c, long ordering) throws SQLException {
    Map<String, Long> last = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT \"tag\", MAX(\"event_id\") FROM \"event_tag\" WHERE \"event_id\" > ? GROUP BY \"tag\"")) {
      s.setLong(1, ordering);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          last.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return last;
  }

  static Map<String, Long> projectionOffsets(Connection c, String projection) throws SQLException {
    Map<String, Long> offsets = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT \"tag\", \"offset\" FROM \"projection_offset\" WHERE \"projection\" = ?")) {
      s.setString(1, projection);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          offsets.put(r.getString(1), r.getLong(2));
        }
      }
    }
    return offsets;
  }

  /**
   * The baseline: {@code rows} inserted into a fresh journal (schema applied by the head-end's own
   * migrations) the way a competent JDBC writer would, one thread, {@code batch} events per transaction,
   * events as one JDBC batch returning their generated ordering, then their tags as a second batch;
   * the same two statements akka-persistence-jdbc issues per write.
   *
   * @return nanoseconds spent writing (schema creation excluded)
   */
  static long insertAsBaseline(JournalSettings fresh, List<Row> rows, int batch) throws SQLException {
    JournalSchema.migrate(fresh);
    try (Connection c = JournalSchema.connect(fresh)) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      try (PreparedStatement events = c.prepareStatement("INSERT INTO \"event_journal\" (\"deleted\","
          + " \"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\","
          + " \"event_payload\", \"event_ser_id\", \"event_ser_manifest\") VALUES (FALSE, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"ordering"});
          PreparedStatement tags = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)")) {
        for (int from = 0; from < rows.size(); from += batch) {
          List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + batch));
          for (Row row : chunk) {
            events.setString(1, row.persistenceId());
            events.setLong(2, row.sequenceNr());
            events.setString(3, row.writer());
            events.setLong(4, row.writeTimestamp());
            events.setString(5, row.adapterManifest());
            events.setBytes(6, row.payload());
            events.setInt(7, row.serializerId());
            events.setString(8, row.serializerManifest());
            events.addBatch();
          }
          events.executeBatch();
          try (ResultSet keys = events.getGeneratedKeys()) {
            for (Row row : chunk) {
              if (!keys.next()) {
                throw new SQLException("fewer generated keys than rows");
              }
              long ordering = keys.getLong(1);
              for (String tag : row.tags()) {
                tags.setLong(1, ordering);
                tags.setString(2, tag);
                tags.addBatch();
              }
            }
          }
          tags.executeBatch();
          c.commit();
        }
      }
      return System.nanoTime() - start;
    }
  }
}
