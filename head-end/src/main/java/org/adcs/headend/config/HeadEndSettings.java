package org.adcs.headend.config;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.adcs.headend.journal.JournalSettings;
import org.adcs.mdm.store.CassandraSettings;

/**
 * Every setting the head-end needs, read and checked once at start-up. A wrong or missing value
 * stops start-up with an {@link InvalidSettingException} that names it.
 */
public record HeadEndSettings(
    Path dataDirectory, Http http, ClusterSettings cluster, JournalSettings journal, CassandraSettings cassandra,
    Meters meters, org.adcs.headend.session.MeterPort.Settings meterPort,
    org.adcs.headend.api.security.SecuritySettings api, Config config) {

  public record Http(String host, int port, org.adcs.headend.api.HttpsContext.Settings tls) {}

  /** How meters keep time: their standard-time offset (no daylight saving) and the clock rules. */
  public record Meters(java.time.ZoneOffset standardTime, org.adcs.headend.meter.ClockPolicy clockPolicy,
      Path provisioningFile, String sharedLlsPassword, java.time.Duration readAttemptTimeout) {}

  public record ClusterSettings(String hostname, int port, List<String> seedNodes, java.time.Duration joinTimeout,
      org.adcs.headend.cluster.BootstrapSettings bootstrap) {}

  /** application.conf and reference.conf, then environment variables, then system properties. */
  public static Config loadConfig(Map<String, String> env) {
    try {
      Config files = ConfigFactory.defaultApplication().withFallback(ConfigFactory.defaultReferenceUnresolved());
      return ConfigFactory.defaultOverrides()
          .withFallback(EnvironmentOverrides.apply(files.resolve(), env))
          .withFallback(files)
          .resolve();
    } catch (ConfigException.Parse e) {
      throw new InvalidSettingException(e.origin() == null ? "adcs" : e.origin().description(),
          "configuration file cannot be parsed: " + e.getMessage());
    } catch (ConfigException e) {
      throw new InvalidSettingException("adcs", e.getMessage());
    }
  }

  public static HeadEndSettings from(Config config) {
    SettingReader read = new SettingReader(config);
    Path workingDirectory = Path.of("").toAbsolutePath();
    Path dataDir = read.directory("adcs.data-dir", workingDirectory, workingDirectory.resolve("var"));

    Http http = new Http(read.nonBlank("adcs.http.interface"), read.port("adcs.http.port"), tls(read, workingDirectory));
    ClusterSettings cluster = new ClusterSettings(read.nonBlank("adcs.cluster.hostname"),
        read.integer("adcs.cluster.port", 0, 65535), read.strings("adcs.cluster.seed-nodes"),
        read.duration("adcs.cluster.join-timeout"), org.adcs.headend.cluster.BootstrapSettings.from(read, config));
    if (cluster.bootstrap().enabled() && !cluster.seedNodes().isEmpty()) {
      throw new InvalidSettingException("adcs.cluster.seed-nodes",
          "must be empty when adcs.cluster.bootstrap.enabled = true (bootstrap finds the nodes itself), found "
              + cluster.seedNodes());
    }
    for (String seed : cluster.seedNodes()) {
      if (!seed.matches("akka://[^@/]+@[^:/]+:\\d+")) {
        throw new InvalidSettingException("adcs.cluster.seed-nodes",
            "expected entries like akka://adcs@10.0.0.1:25520, found \"" + seed + "\"");
      }
    }
    return new HeadEndSettings(dataDir, http, cluster, journal(read, dataDir), cassandra(read, dataDir, workingDirectory),
        meters(read, workingDirectory), meterPort(read), org.adcs.headend.api.security.SecuritySettings.from(read), config);
  }

  private static org.adcs.headend.api.HttpsContext.Settings tls(SettingReader read, Path workingDirectory) {
    var mode = read.oneOf("adcs.http.tls.mode", org.adcs.headend.api.HttpsContext.Mode.class);
    Path keystore = read.directory("adcs.http.tls.keystore", workingDirectory, null);
    if (mode == org.adcs.headend.api.HttpsContext.Mode.KEYSTORE
        && (keystore == null || !java.nio.file.Files.isRegularFile(keystore))) {
      throw new InvalidSettingException("adcs.http.tls.keystore",
          "keystore mode needs a PKCS#12 keystore file, found " + (keystore == null ? "none" : "\"" + keystore + "\""));
    }
    return new org.adcs.headend.api.HttpsContext.Settings(mode, keystore, read.string("adcs.http.tls.password"));
  }

  private static org.adcs.headend.session.MeterPort.Settings meterPort(SettingReader read) {
    String p = "adcs.meter-port.";
    return new org.adcs.headend.session.MeterPort.Settings(read.nonBlank(p + "interface"),
        read.integer(p + "port", 0, 65535), read.duration(p + "announce-timeout"), read.duration(p + "response-timeout"),
        read.integer(p + "max-apdu-size", 64, 65535), read.duration(p + "partial-frame-timeout"),
        read.integer(p + "max-identifying", 1, 100_000), read.integer(p + "max-pushes-in-flight", 1, 100_000));
  }

  private static Meters meters(SettingReader read, Path workingDirectory) {
    String offset = read.nonBlank("adcs.meters.standard-time");
    java.time.ZoneOffset standardTime;
    try {
      standardTime = java.time.ZoneOffset.of(offset);
    } catch (java.time.DateTimeException e) {
      throw new InvalidSettingException("adcs.meters.standard-time",
          "expected a fixed UTC offset such as -05:00 (meters keep standard time, R-COL-6), found \"" + offset + "\"");
    }
    try {
      return new Meters(standardTime, new org.adcs.headend.meter.ClockPolicy(read.duration("adcs.meters.clock.tolerance"),
          read.duration("adcs.meters.clock.limit"), read.duration("adcs.meters.clock.guard"), 15),
          read.directory("adcs.meters.provisioning-file", workingDirectory, null),
          read.string("adcs.meters.shared-lls-password"), read.duration("adcs.meters.on-demand.attempt-timeout"));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("adcs.meters.clock", e.getMessage());
    }
  }

  private static JournalSettings journal(SettingReader read, Path dataDir) {
    String url = read.string("adcs.journal.url").strip();
    String user = read.string("adcs.journal.user");
    if (url.isEmpty()) {
      // H2 file mode. H2's default admin user is created with the first connection's credentials.
      url = "jdbc:h2:file:" + dataDir.resolve("journal").resolve("adcs");
    }
    try {
      return new JournalSettings(url, user, read.string("adcs.journal.password"),
          read.integer("adcs.journal.max-connections", 1, 500), read.duration("adcs.journal.connect-timeout"));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("adcs.journal.url", e.getMessage());
    }
  }

  private static CassandraSettings cassandra(SettingReader read, Path dataDir, Path workingDirectory) {
    String p = "adcs.cassandra.";
    CassandraSettings.Mode mode = read.oneOf(p + "mode", CassandraSettings.Mode.class);
    String e = p + "embedded.";
    CassandraSettings.Embedded embedded;
    try {
      String lib = read.string(e + "lib-dir").strip();
      embedded = new CassandraSettings.Embedded(
          lib.isEmpty() ? null : workingDirectory.resolve(lib),
          read.directory(e + "directory", workingDirectory, dataDir.resolve("cassandra")),
          read.nonBlank(e + "listen-address"),
          read.port(e + "cql-port"),
          read.port(e + "storage-port"),
          read.nonBlank(e + "initial-heap"),
          read.nonBlank(e + "max-heap"),
          read.duration(e + "start-timeout"),
          read.duration(e + "stop-timeout"),
          read.directory(e + "java-home", workingDirectory, null));
    } catch (IllegalArgumentException ex) {
      throw new InvalidSettingException(p + "embedded", ex.getMessage());
    }
    Map<String, String> replication = read.stringMap(p + "replication");
    String strategy = replication.getOrDefault("class", "");
    if (!strategy.endsWith("SimpleStrategy") && !strategy.endsWith("NetworkTopologyStrategy")) {
      throw new InvalidSettingException(p + "replication",
          "class must be SimpleStrategy or NetworkTopologyStrategy, found \"" + strategy + "\"");
    }
    try {
      return new CassandraSettings(mode, read.hostPorts(p + "contact-points"), read.nonBlank(p + "local-datacenter"),
          read.nonBlank(p + "keyspace"), replication, read.oneOf(p + "consistency", DefaultConsistencyLevel.class),
          read.duration(p + "request-timeout"), read.duration(p + "connect-timeout"),
          read.string(p + "username"), read.string(p + "password"), embedded);
    } catch (IllegalArgumentException ex) {
      throw new InvalidSettingException(p.substring(0, p.length() - 1), ex.getMessage());
    }
  }
}
