package org.adcs.headend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.adcs.headend.journal.JournalSettings;
import org.adcs.mdm.store.CassandraSettings;
import org.junit.jupiter.api.Test;

/** Start-up settings: the defaults run a single machine; every bad value is refused by name. */
class HeadEndSettingsTest {

  private static HeadEndSettings load(Map<String, String> env) {
    Config config = HeadEndSettings.loadConfig(env);
    return HeadEndSettings.from(config);
  }

  private static InvalidSettingException refused(String variable, String value) {
    Map<String, String> env = new HashMap<>();
    env.put(variable, value);
    return assertThrows(InvalidSettingException.class, () -> load(env));
  }

  @Test
  void defaultsDescribeOneMachineWithEmbeddedServices() {
    HeadEndSettings settings = load(Map.of());
    assertEquals(8080, settings.http().port());
    assertEquals("127.0.0.1", settings.http().host());
    assertEquals(CassandraSettings.Mode.EMBEDDED, settings.cassandra().mode());
    assertEquals(9042, settings.cassandra().embedded().cqlPort());
    assertEquals(JournalSettings.Vendor.H2, settings.journal().vendor());
    Path dataDir = Path.of("var").toAbsolutePath();
    assertEquals("jdbc:h2:file:" + dataDir.resolve("journal").resolve("adcs"), settings.journal().url());
    assertEquals(dataDir.resolve("cassandra"), settings.cassandra().embedded().nodeDirectory());
    assertTrue(settings.cluster().seedNodes().isEmpty());
  }

  @Test
  void environmentSelectsPostgresAndAnExternalCluster() {
    HeadEndSettings settings = load(Map.of(
        "ADCS_JOURNAL_URL", "jdbc:postgresql://db.example:5432/adcs",
        "ADCS_CASSANDRA_MODE", "external",
        "ADCS_CASSANDRA_CONTACT_POINTS", "[\"cass1:9042\", \"cass2:9042\"]",
        "ADCS_CASSANDRA_CONSISTENCY", "local_quorum"));
    assertEquals(JournalSettings.Vendor.POSTGRESQL, settings.journal().vendor());
    assertEquals(CassandraSettings.Mode.EXTERNAL, settings.cassandra().mode());
    assertEquals(2, settings.cassandra().effectiveContactPoints().size());
    assertEquals("cass1", settings.cassandra().effectiveContactPoints().get(0).getHostString());
  }

  @Test
  void nonNumericPortIsRefusedByName() {
    InvalidSettingException e = refused("ADCS_HTTP_PORT", "eighty");
    assertEquals("adcs.http.port", e.path());
    assertTrue(e.getMessage().contains("ADCS_HTTP_PORT") && e.getMessage().contains("eighty"), e.getMessage());
  }

  @Test
  void portOutOfRangeIsRefused() {
    assertEquals("adcs.cassandra.embedded.cql-port", refused("ADCS_CASSANDRA_EMBEDDED_CQL_PORT", "70000").path());
  }

  @Test
  void unknownCassandraModeListsTheChoices() {
    InvalidSettingException e = refused("ADCS_CASSANDRA_MODE", "cloud");
    assertTrue(e.getMessage().contains("[embedded, external]"), e.getMessage());
  }

  @Test
  void unsupportedJournalDatabaseIsRefused() {
    assertEquals("adcs.journal.url", refused("ADCS_JOURNAL_URL", "jdbc:mysql://db/adcs").path());
  }

  @Test
  void malformedSeedNodeIsRefused() {
    assertEquals("adcs.cluster.seed-nodes", refused("ADCS_CLUSTER_SEED_NODES", "[\"10.0.0.1\"]").path());
  }

  @Test
  void contactPointWithoutPortIsRefused() {
    assertEquals("adcs.cassandra.contact-points", refused("ADCS_CASSANDRA_CONTACT_POINTS", "[\"cass1\"]").path());
  }

  @Test
  void unknownReplicationStrategyIsRefused() {
    assertEquals("adcs.cassandra.replication", refused("ADCS_CASSANDRA_REPLICATION", "{class = EverywhereStrategy}").path());
  }

  @Test
  void badDurationIsRefused() {
    InvalidSettingException e = refused("ADCS_CASSANDRA_EMBEDDED_START_TIMEOUT", "soon");
    assertEquals("adcs.cassandra.embedded.start-timeout", e.path());
    assertTrue(e.getMessage().contains("30s"), e.getMessage());
  }

  @Test
  void invalidKeyspaceNameIsRefused() {
    InvalidSettingException e = refused("ADCS_CASSANDRA_KEYSPACE", "adcs-prod");
    assertTrue(e.getMessage().contains("adcs-prod"), e.getMessage());
  }

  @Test
  void apiDefaultsKeepTokensUnderAYearAndTheAuditFor36Months() {
    var api = load(Map.of()).api();
    assertEquals("admin", api.bootstrapAdmin());
    assertEquals("", api.bootstrapPassword(), "generated and logged once");
    assertTrue(api.apiTokenValidity().toDays() <= 366);
    assertTrue(api.auditRetention().toDays() >= 1095);
  }

  @Test
  void apiSettingsThatWeakenSecurityAreRefusedByName() {
    InvalidSettingException shortPassword = refused("ADCS_API_BOOTSTRAP_ADMIN_PASSWORD", "secret");
    assertTrue(shortPassword.getMessage().contains("adcs.api.bootstrap-admin.password"), shortPassword.getMessage());
    InvalidSettingException longTokens = refused("ADCS_API_API_TOKEN_VALIDITY", "400d");
    assertTrue(longTokens.getMessage().contains("R-OPS-3"), longTokens.getMessage());
    InvalidSettingException fewIterations = refused("ADCS_API_PASSWORD_ITERATIONS", "1000");
    assertTrue(fewIterations.getMessage().contains("100000"), fewIterations.getMessage());
    InvalidSettingException shortAudit = refused("ADCS_API_AUDIT_RETENTION", "90d");
    assertTrue(shortAudit.getMessage().contains("36 months"), shortAudit.getMessage());
    InvalidSettingException noLimit = refused("ADCS_API_THIRD_PARTY_LIMIT_PER_SECOND", "0");
    assertTrue(noLimit.getMessage().contains("adcs.api.third-party-limit.per-second"), noLimit.getMessage());
  }

  @Test
  void tlsIsOnByDefaultAndKeystoreModeNeedsAKeystoreFile() {
    assertEquals(org.adcs.headend.api.HttpsContext.Mode.DEVELOPMENT, load(Map.of()).http().tls().mode());
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> load(Map.of("ADCS_HTTP_TLS_MODE", "keystore", "ADCS_HTTP_TLS_KEYSTORE", "no/such/keystore.p12")));
    assertTrue(e.getMessage().contains("adcs.http.tls.keystore"), e.getMessage());
  }

  @Test
  void bootstrapIsOffByDefaultAndReadFromTheEnvironment() {
    var off = load(Map.of()).cluster().bootstrap();
    assertEquals(false, off.enabled());
    assertEquals(org.adcs.headend.cluster.BootstrapSettings.DiscoveryMethod.KUBERNETES_API, off.discoveryMethod());
    assertEquals(8558, off.managementPort());
    var on = load(Map.of("ADCS_CLUSTER_BOOTSTRAP_ENABLED", "true", "ADCS_CLUSTER_BOOTSTRAP_DISCOVERY_METHOD", "config",
        "ADCS_CLUSTER_BOOTSTRAP_REQUIRED_CONTACT_POINTS", "3", "ADCS_CLUSTER_BOOTSTRAP_MANAGEMENT_PORT", "9558"))
        .cluster().bootstrap();
    assertEquals(true, on.enabled());
    assertEquals(3, on.requiredContactPoints());
    Config akka = on.akkaConfig("10.0.0.7");
    assertEquals("config", akka.getString("akka.management.cluster.bootstrap.contact-point-discovery.discovery-method"));
    assertEquals(3, akka.getInt("akka.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"));
    assertEquals("10.0.0.7", akka.getString("akka.management.http.hostname"));
    assertEquals(9558, akka.getInt("akka.management.http.port"));
    assertEquals("app.kubernetes.io/name=head-end", akka.getString("akka.discovery.kubernetes-api.pod-label-selector"));
  }

  @Test
  void bootstrapWithSeedNodesIsRefused() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load(Map.of(
        "ADCS_CLUSTER_BOOTSTRAP_ENABLED", "true", "ADCS_CLUSTER_SEED_NODES", "[\"akka://adcs@10.0.0.1:25520\"]")));
    assertEquals("adcs.cluster.seed-nodes", e.path());
    assertTrue(e.getMessage().contains("bootstrap"), e.getMessage());
  }

  @Test
  void badBootstrapValuesAreRefusedByName() {
    assertEquals("adcs.cluster.bootstrap.discovery-method",
        refused("ADCS_CLUSTER_BOOTSTRAP_DISCOVERY_METHOD", "dns").path());
    assertEquals("adcs.cluster.bootstrap.required-contact-points",
        refused("ADCS_CLUSTER_BOOTSTRAP_REQUIRED_CONTACT_POINTS", "0").path());
    assertEquals("adcs.cluster.bootstrap.management-port", refused("ADCS_CLUSTER_BOOTSTRAP_MANAGEMENT_PORT", "0").path());
    assertEquals("adcs.cluster.bootstrap.enabled", refused("ADCS_CLUSTER_BOOTSTRAP_ENABLED", "maybe").path());
    assertEquals("adcs.cluster.bootstrap.pod-label-selector",
        refused("ADCS_CLUSTER_BOOTSTRAP_POD_LABEL_SELECTOR", " ").path());
  }
}
