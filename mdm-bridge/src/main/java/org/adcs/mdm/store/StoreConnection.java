package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one driver session to the MDM store, with the keyspace created from
 * configuration. Everything talks to Cassandra through this session's async API.
 */
public final class StoreConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StoreConnection.class);

  private final CqlSession session;
  private final CassandraSettings settings;

  private StoreConnection(CqlSession session, CassandraSettings settings) {
    this.session = session;
    this.settings = settings;
  }

  /**
   * Connects and creates the keyspace if it does not exist.
   *
   * @throws StoreUnavailableException with an operator-facing message when no node answers
   */
  public static StoreConnection open(CassandraSettings settings) {
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, settings.connectTimeout())
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, settings.connectTimeout())
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, settings.connectTimeout())
        // Schema agreement on a fresh node can take longer than the default 10 s on 2 cores.
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
        // Every CREATE waits for the driver's schema refresh, which by default waits a 1 s debounce window
        // and reads every keyspace's tables: 35-odd tables took 35 s on a fresh start, more on a shared
        // cluster. Nothing here reads the driver's schema metadata, so refresh only our keyspace, at once.
        .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(settings.keyspace()))
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(10))
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, settings.consistency().name())
        .withString(DefaultDriverOption.SESSION_NAME, "adcs")
        .build();
    CqlSessionBuilder builder = CqlSession.builder()
        .withConfigLoader(config)
        .addContactPoints(settings.effectiveContactPoints())
        .withLocalDatacenter(settings.localDatacenter());
    if (settings.username() != null && !settings.username().isBlank()) {
      builder.withAuthCredentials(settings.username(), settings.password());
    }
    CqlSession session;
    try {
      session = builder.build();
    } catch (AllNodesFailedException e) {
      throw new StoreUnavailableException("Cassandra at " + settings.effectiveContactPoints()
          + " cannot be reached (" + firstError(e) + "): check adcs.cassandra.contact-points and"
          + " adcs.cassandra.local-datacenter, and that the cluster is up", e);
    } catch (DriverException | IllegalStateException e) {
      throw new StoreUnavailableException("Cassandra at " + settings.effectiveContactPoints()
          + " refused the connection (" + e.getMessage() + "): check adcs.cassandra.* settings", e);
    }
    StoreConnection connection = new StoreConnection(session, settings);
    try {
      connection.createKeyspace();
    } catch (DriverException e) {
      session.close();
      throw new StoreUnavailableException("Cannot create keyspace " + settings.keyspace() + " ("
          + e.getMessage() + "): check adcs.cassandra.replication matches the cluster's data centres", e);
    }
    return connection;
  }

  private void createKeyspace() {
    String cql = "CREATE KEYSPACE IF NOT EXISTS " + settings.keyspace() + " WITH replication = "
        + cqlMap(settings.replication());
    session.execute(SimpleStatement.newInstance(cql).setTimeout(Duration.ofSeconds(60)));
    log.info("store keyspace ready: keyspace={} replication={}", settings.keyspace(), settings.replication());
  }

  static String cqlMap(Map<String, String> entries) {
    return entries.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> "'" + e.getKey().replace("'", "''") + "': '" + e.getValue().replace("'", "''") + "'")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** The Cassandra release of the node the driver asks, e.g. {@code 5.0.6}: a cheap liveness query. */
  public CompletionStage<String> releaseVersion() {
    return session.executeAsync(SimpleStatement.newInstance("SELECT release_version FROM system.local")
            .setTimeout(settings.requestTimeout()))
        .thenApply(rs -> {
          Row row = rs.one();
          return row == null ? "unknown" : row.getString("release_version");
        });
  }

  public CqlSession session() {
    return session;
  }

  public CassandraSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    session.close();
  }

  private static String firstError(AllNodesFailedException e) {
    return e.getAllErrors().values().stream()
        .flatMap(java.util.List::stream)
        .findFirst()
        .map(Throwable::getMessage)
        .orElse(e.getMessage());
  }
}
