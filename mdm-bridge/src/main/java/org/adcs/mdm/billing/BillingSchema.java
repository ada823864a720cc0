package org.adcs.mdm.billing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;

/**
 * Billing quantity responses, every version kept by request id (newest first, so "as of" is one
 * partition read), and the billing cycles whose schedule pushes responses (R-MD-4). Responses are kept
 * as long as the interval data they were computed from.
 */
public final class BillingSchema {

  private BillingSchema() {}

  public static List<String> statements(String keyspace, Duration retention) {
    String ks = keyspace + ".";
    return List.of(
        "CREATE TABLE IF NOT EXISTS " + ks + "bq_responses (request_id text, version_time timestamp,"
            + " sdp_id text, billing_agent text, body text,"
            + " PRIMARY KEY ((request_id), version_time)) WITH CLUSTERING ORDER BY (version_time DESC)"
            + " AND default_time_to_live = " + retention.toSeconds(),
        // Few rows (one per cycle), read whole by the one node that runs the schedule.
        "CREATE TABLE IF NOT EXISTS " + ks + "billing_cycles (cycle text PRIMARY KEY, day_of_month int,"
            + " billing_agent text, service_points list<text>, framing text, last_run date, updated_at timestamp)");
  }

  public static void create(CqlSession session, String keyspace, Duration retention) {
    for (String cql : statements(keyspace, retention)) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }
}
