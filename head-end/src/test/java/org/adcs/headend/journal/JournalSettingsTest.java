package org.adcs.headend.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JournalSettingsTest {

  @Test
  void vendorFollowsTheJdbcUrl() {
    assertEquals(JournalSettings.Vendor.H2, settings("jdbc:h2:file:/tmp/j").vendor());
    assertEquals(JournalSettings.Vendor.POSTGRESQL, settings("jdbc:postgresql://db:5432/adcs").vendor());
    assertThrows(IllegalArgumentException.class, () -> settings("jdbc:oracle:thin:@db:1521/adcs"));
  }

  @Test
  void displayUrlDropsParametersThatMayHoldSecrets() {
    assertEquals("jdbc:postgresql://db:5432/adcs", settings("jdbc:postgresql://db:5432/adcs?password=secret").displayUrl());
    assertEquals("jdbc:h2:file:/tmp/j", settings("jdbc:h2:file:/tmp/j;PASSWORD=x").displayUrl());
  }

  @Test
  void allPersistencePluginsShareOneDatabaseWithTheVendorsSlickProfile() {
    Config akka = settings("jdbc:postgresql://db:5432/adcs").akkaPersistenceConfig();
    assertEquals("jdbc-journal", akka.getString("akka.persistence.journal.plugin"));
    assertEquals("default", akka.getString("jdbc-read-journal.use-shared-db"));
    assertEquals("slick.jdbc.PostgresProfile$", akka.getString("akka-persistence-jdbc.shared-databases.default.profile"));
    assertEquals("org.postgresql.Driver", akka.getString("akka-persistence-jdbc.shared-databases.default.db.driver"));
    assertEquals(7, akka.getInt("akka-persistence-jdbc.shared-databases.default.db.maxConnections"));
  }

  private static JournalSettings settings(String url) {
    return new JournalSettings(url, "adcs", "", 7, Duration.ofSeconds(5));
  }
}
