package org.adcs.headend.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.mdm.store.testing.CassandraTestNode;

/**
 * Settings for head-end nodes in integration tests: free ports, a fresh data directory under
 * target/, configured through the same environment-variable path as production.
 */
public final class TestNodes {

  private TestNodes() {}

  /** Environment for a node with its own data directory and free HTTP and cluster ports. */
  public static Map<String, String> nodeEnvironment(String name) {
    Map<String, String> env = new HashMap<>();
    Path dir = Path.of("target", "it-nodes", name + "-" + System.nanoTime()).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env.put("ADCS_DATA_DIR", dir.toString());
    env.put("ADCS_HTTP_PORT", Integer.toString(CassandraTestNode.freePort()));
    env.put("ADCS_CLUSTER_PORT", Integer.toString(CassandraTestNode.freePort()));
    env.put("ADCS_METER_PORT_PORT", Integer.toString(CassandraTestNode.freePort()));
    env.put("ADCS_CASSANDRA_EMBEDDED_CQL_PORT", Integer.toString(CassandraTestNode.freePort()));
    env.put("ADCS_CASSANDRA_EMBEDDED_STORAGE_PORT", Integer.toString(CassandraTestNode.freePort()));
    env.put("ADCS_CASSANDRA_EMBEDDED_INITIAL_HEAP", "128m");
    env.put("ADCS_CASSANDRA_EMBEDDED_START_TIMEOUT", "180s");
    env.put("ADCS_API_BOOTSTRAP_ADMIN_PASSWORD", ApiClient.ADMIN_PASSWORD);
    // Plain HTTP unless a test asks for TLS (ADCS_HTTP_TLS_MODE=development and trusting(...)).
    env.put("ADCS_HTTP_TLS_MODE", "off");
    // The lowest count the settings accept: tests log in often on a shared machine.
    env.put("ADCS_API_PASSWORD_ITERATIONS", "100000");
    return env;
  }

  /** Points the node at the JVM's shared Cassandra node as an external cluster. */
  public static Map<String, String> withSharedCassandra(Map<String, String> env, String keyspace) {
    var node = CassandraTestNode.node().cqlAddress();
    env.put("ADCS_CASSANDRA_MODE", "external");
    env.put("ADCS_CASSANDRA_CONTACT_POINTS", "[\"" + node.getHostString() + ":" + node.getPort() + "\"]");
    env.put("ADCS_CASSANDRA_KEYSPACE", keyspace);
    return env;
  }

  /**
   * A node on the shared Cassandra node that takes simulated meters: they all have the simulator's
   * default password, and the meters' standard time is UTC.
   */
  public static Map<String, String> forSimulatedMeters(String name, String keyspace) {
    Map<String, String> env = withSharedCassandra(nodeEnvironment(name), keyspace);
    env.put("ADCS_METERS_SHARED_LLS_PASSWORD", org.adcs.simulator.meter.FleetTerms.DEFAULT_PASSWORD);
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00");
    return env;
  }

  public static HeadEndSettings settings(Map<String, String> env) {
    return HeadEndSettings.from(HeadEndSettings.loadConfig(env));
  }

  public static HeadEndSettings settings(Map<String, String> env, Map<String, Object> overrides) {
    Config config = ConfigFactory.parseMap(overrides).withFallback(HeadEndSettings.loadConfig(env)).resolve();
    return HeadEndSettings.from(config);
  }

  /** The local PostgreSQL that .ci/run starts; absent on a machine with only a JDK and Maven. */
  public static Optional<String> postgresUrl() {
    return Optional.ofNullable(System.getenv("ADCS_TEST_POSTGRES_URL")).filter(s -> !s.isBlank());
  }

  /** A fresh schema in the test PostgreSQL, so every run starts from an empty journal. */
  public static Map<String, String> withPostgresJournal(Map<String, String> env) {
    String base = postgresUrl().orElseThrow();
    String user = System.getenv().getOrDefault("ADCS_TEST_POSTGRES_USER", "adcs");
    String password = System.getenv().getOrDefault("ADCS_TEST_POSTGRES_PASSWORD", "adcs");
    String schema = "it_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(base, user, password)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("test PostgreSQL at " + base + " is not usable: " + e.getMessage(), e);
    }
    env.put("ADCS_JOURNAL_URL", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    env.put("ADCS_JOURNAL_USER", user);
    env.put("ADCS_JOURNAL_PASSWORD", password);
    return env;
  }

  /** A client TLS context that trusts the development certificate a node created in its data directory. */
  public static javax.net.ssl.SSLContext trusting(Path dataDirectory) {
    try (var in = Files.newInputStream(dataDirectory.resolve("tls").resolve("development.p12"))) {
      java.security.KeyStore node = java.security.KeyStore.getInstance("PKCS12");
      node.load(in, org.adcs.headend.api.HttpsContext.DEVELOPMENT_PASSWORD.toCharArray());
      java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("adcs", node.getCertificate("adcs"));
      var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpResponse<String> get(String url) {
    try {
      return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
