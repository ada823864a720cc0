package org.adcs.headend.journal;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The journal database of akka-persistence-jdbc: H2 in file mode by default, PostgreSQL in
 * production. The vendor follows from the JDBC URL.
 */
public record JournalSettings(String url, String user, String password, int maxConnections, Duration connectTimeout) {

  public enum Vendor {
    H2("org.h2.Driver", "slick.jdbc.H2Profile$"),
    POSTGRESQL("org.postgresql.Driver", "slick.jdbc.PostgresProfile$");

    final String driver;
    final String slickProfile;

    Vendor(String driver, String slickProfile) {
      this.driver = driver;
      this.slickProfile = slickProfile;
    }
  }

  public JournalSettings {
    Objects.requireNonNull(url, "url");
    vendorOf(url);
  }

  public Vendor vendor() {
    return vendorOf(url);
  }

  static Vendor vendorOf(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return Vendor.H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    }
    throw new IllegalArgumentException("only jdbc:h2: and jdbc:postgresql: URLs are supported, found \"" + url + "\"");
  }

  /** The URL without credentials or parameters, safe for logs and the readiness report. */
  public String displayUrl() {
    int semicolon = url.indexOf(';');
    int question = url.indexOf('?');
    int cut = semicolon >= 0 ? semicolon : question >= 0 ? question : url.length();
    return url.substring(0, cut);
  }

  /** Journal, snapshot store, read journal and durable state all on one shared connection pool. */
  public Config akkaPersistenceConfig() {
    Map<String, Object> db = Map.of(
        "url", url,
        "user", user,
        "password", password,
        "driver", vendor().driver,
        "numThreads", maxConnections,
        "maxConnections", maxConnections,
        "minConnections", 1,
        "connectionTimeout", connectTimeout.toMillis());
    return ConfigFactory.parseMap(Map.of(
            "akka.persistence.journal.plugin", "jdbc-journal",
            "akka.persistence.snapshot-store.plugin", "jdbc-snapshot-store",
            "akka.persistence.state.plugin", "jdbc-durable-state-store",
            "jdbc-journal.use-shared-db", "default",
            "jdbc-snapshot-store.use-shared-db", "default",
            "jdbc-read-journal.use-shared-db", "default",
            "jdbc-durable-state-store.use-shared-db", "default",
            "akka-persistence-jdbc.shared-databases.default.profile", vendor().slickProfile))
        .withFallback(ConfigFactory.parseMap(Map.of("akka-persistence-jdbc.shared-databases.default.db", db)));
  }
}
