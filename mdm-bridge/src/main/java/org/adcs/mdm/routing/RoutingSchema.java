package org.adcs.mdm.routing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;

/**
 * Durable routing state: subscriptions, a per-subscription outbox of notifications to deliver, and each
 * subscription's cursor (everything before it is delivered), and the feeds that event and reading
 * streams read. Delivery state survives restarts.
 */
public final class RoutingSchema {

  private RoutingSchema() {}

  public static void create(CqlSession session, String keyspace, Duration retention) {
    String ks = keyspace + ".";
    for (String cql : List.of(
        "CREATE TABLE IF NOT EXISTS " + ks + "subscriptions (id uuid PRIMARY KEY, name text,"
            + " event_types set<text>, reading_feed boolean, webhook text, active boolean, created_at timestamp)",
        // One partition per subscription and day of receipt, in order of receipt.
        "CREATE TABLE IF NOT EXISTS " + ks + "outbox (subscription_id uuid, day date, received_at timestamp,"
            + " meter_id text, item text, kind text, payload text, delivered boolean, attempts int, last_error text,"
            + " PRIMARY KEY ((subscription_id, day), received_at, meter_id, item))"
            + " WITH default_time_to_live = " + retention.toSeconds(),
        "CREATE TABLE IF NOT EXISTS " + ks + "subscription_cursor (subscription_id uuid PRIMARY KEY, day date,"
            + " received_at timestamp, meter_id text, item text)",
        // The server-sent-event feeds (Feed): one partition per feed and hour of writing, in order of writing.
        "CREATE TABLE IF NOT EXISTS " + ks + "feed (feed text, hour timestamp, position bigint, meter_id text,"
            + " item text, kind text, payload text, PRIMARY KEY ((feed, hour), position, meter_id, item))"
            + " WITH default_time_to_live = " + Feed.RETENTION.toSeconds(),
        // Where each notification is in its feed, so writing it again (a replay) adds nothing.
        "CREATE TABLE IF NOT EXISTS " + ks + "feed_keys (feed text, meter_id text, item text, position bigint,"
            + " PRIMARY KEY ((feed, meter_id), item)) WITH default_time_to_live = " + Feed.RETENTION.toSeconds())) {
      session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    }
  }
}
