package org.adcs.headend.journal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.adcs.headend.StartupFailure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the journal schema with versioned SQL ({@code db/journal/{vendor}}, and
 * {@code db/journal/common} for SQL both databases take as it is), so a restart against an existing
 * database is a no-op and later schema changes are ordered.
 */
public final class JournalSchema {

  private static final Logger log = LoggerFactory.getLogger(JournalSchema.class);

  private JournalSchema() {}

  /**
   * Checks the database answers, then applies pending migrations.
   *
   * @return the schema version now in place
   * @throws StartupFailure naming {@code adcs.journal.url} when the database cannot be reached or migrated
   */
  public static String migrate(JournalSettings journal) {
    try {
      // Connecting first gives a clear "cannot reach" message before Flyway's own wrapping.
      connect(journal).close();
    } catch (SQLException e) {
      throw unreachable(journal, e);
    }
    try {
      MigrateResult result = Flyway.configure()
          .dataSource(journal.url(), journal.user(), journal.password())
          .locations("classpath:db/journal/" + journal.vendor().name().toLowerCase(Locale.ROOT),
              "classpath:db/journal/common")
          .connectRetries(0)
          .load()
          .migrate();
      String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
      log.info("journal schema ready: database={} version={} applied={}", journal.displayUrl(), version,
          result.migrationsExecuted);
      return version;
    } catch (FlywayException e) {
      throw new StartupFailure("Journal schema migration failed on " + journal.displayUrl() + ": " + oneLine(e)
          + ". Check that adcs.journal.user may create tables there (ADCS_JOURNAL_URL / ADCS_JOURNAL_USER)", e);
    }
  }

  /** One short-lived connection with a bounded wait, for start-up and readiness checks. */
  public static Connection connect(JournalSettings journal) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", journal.user());
    props.setProperty("password", journal.password());
    if (journal.vendor() == JournalSettings.Vendor.POSTGRESQL) {
      String seconds = Long.toString(Math.max(1, journal.connectTimeout().toSeconds()));
      props.setProperty("connectTimeout", seconds);
      props.setProperty("loginTimeout", seconds);
      props.setProperty("socketTimeout", "30");
    }
    return DriverManager.getConnection(journal.url(), props);
  }

  private static StartupFailure unreachable(JournalSettings journal, SQLException e) {
    return new StartupFailure("Journal database " + journal.displayUrl() + " cannot be reached (" + oneLine(e)
        + "): check adcs.journal.url, adcs.journal.user and adcs.journal.password (ADCS_JOURNAL_URL ...)"
        + " and that the database is running", e);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }
}
