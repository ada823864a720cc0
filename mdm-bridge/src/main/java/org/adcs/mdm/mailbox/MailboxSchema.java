package org.adcs.mdm.mailbox;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;

/**
 * Per-party mailboxes (R-DAT-2, R-MD-5): file metadata by party, newest first; content in chunks,
 * one partition per file; extract definitions; each party's use of the meter network per day
 * (R-DAT-4). Files are kept as long as the interval data.
 */
public final class MailboxSchema {

  private MailboxSchema() {}

  public static List<String> statements(String keyspace, Duration retention) {
    String ks = keyspace + ".";
    long ttl = retention.toSeconds();
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + ks + "mailbox_files (party text, file_id timeuuid, name text, format text,"
            + " size bigint, chunks int, created_at timestamp, description text,"
            + " PRIMARY KEY ((party), file_id)) WITH CLUSTERING ORDER BY (file_id DESC)"
            + " AND default_time_to_live = " + ttl,
        "CREATE TABLE IF NOT EXISTS " + ks + "mailbox_chunks (party text, file_id timeuuid, chunk int, data blob,"
            + " PRIMARY KEY ((party, file_id), chunk)) WITH default_time_to_live = " + ttl,
        // Few rows (extracts are limited per party), read whole by the one node that runs them.
        "CREATE TABLE IF NOT EXISTS " + ks + "extracts (id uuid PRIMARY KEY, party text, schedule text, kind text,"
            + " format text, zone text, meters list<text>, channels list<text>, period_from date, period_to date,"
            + " next_run timestamp, created_at timestamp, runs int, last_run timestamp, last_file timeuuid,"
            + " last_error text)",
        "CREATE TABLE IF NOT EXISTS " + ks + "party_usage (party text, day date, on_demand_reads counter,"
            + " PRIMARY KEY ((party), day)) WITH CLUSTERING ORDER BY (day DESC)");
  }

  public static void create(CqlSession session, String keyspace, Duration retention) {
    for (String cql : statements(keyspace, retention)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }
}
