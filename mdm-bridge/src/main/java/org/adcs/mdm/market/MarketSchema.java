package org.adcs.mdm.market;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;

/**
 * Market delivery bookkeeping (R-MD-5): one cursor per party, and every delivered file by party and
 * day (a day delivered twice has two rows), kept as long as the files; what each file posted per
 * service point, by party and posting date, and the outcome of every resend request (R-VEE-3).
 */
public final class MarketSchema {

  private MarketSchema() {}

  public static List<String> statements(String keyspace, Duration retention) {
    String ks = keyspace + ".";
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + ks + "market_cursors (party text PRIMARY KEY, last_day date,"
            + " posted_up_to timestamp)",
        "CREATE TABLE IF NOT EXISTS " + ks + "market_deliveries (party text, day date, delivered_at timestamp,"
            + " scheduled_at timestamp, file_id timeuuid, file_name text, format text, channel_days int,"
            + " intervals bigint, estimated_intervals bigint, usage decimal, estimated_usage decimal,"
            + " PRIMARY KEY ((party), day, delivered_at)) WITH default_time_to_live = " + retention.toSeconds(),
        "CREATE TABLE IF NOT EXISTS " + ks + "market_postings (party text, posted_on date, transaction text,"
            + " sdp_id text, file_name text, period_from date, period_to date,"
            + " PRIMARY KEY ((party, posted_on), transaction, sdp_id)) WITH default_time_to_live = "
            + retention.toSeconds(),
        "CREATE TABLE IF NOT EXISTS " + ks + "market_resends (id timeuuid PRIMARY KEY, party text, requested_by text,"
            + " kind text, key text, created_at timestamp, file_id timeuuid, file_name text, transaction text,"
            + " format text, channel_days int, period_sdps list<text>, period_froms list<date>,"
            + " period_tos list<date>, refusal text) WITH default_time_to_live = " + retention.toSeconds());
  }

  public static void create(CqlSession session, String keyspace, Duration retention) {
    for (String cql : statements(keyspace, retention)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }
}
