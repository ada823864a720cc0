package org.adcs.mdm.market;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;

/**
 * Market delivery bookkeeping (R-MD-5): one cursor per party, and every delivered file by party and
 * day (a day delivered twice has two rows), kept as long as the files.
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
            + " PRIMARY KEY ((party), day, delivered_at)) WITH default_time_to_live = " + retention.toSeconds());
  }

  public static void create(CqlSession session, String keyspace, Duration retention) {
    for (String cql : statements(keyspace, retention)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }
}
