package org.adcs.headend.health;

import akka.actor.typed.ActorSystem;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.journal.JournalSettings;

/**
 * The journal database answers and holds the journal table, and entities recover through the
 * persistence plugins (whose circuit breakers stay open for a while after an outage, failing every
 * recovery and write though the database is back). JDBC blocks, so it runs on {@code blocking}.
 */
public final class JournalCheck implements ReadinessCheck {

  private final JournalSettings journal;
  private final String schemaVersion;
  private final Executor blocking;
  private final Supplier<CompletionStage<Void>> entitiesRecover;

  public JournalCheck(JournalSettings journal, String schemaVersion, Executor blocking, ActorSystem<?> system) {
    this(journal, schemaVersion, blocking, () -> JournalRecoveryProbe.run(system));
  }

  /** @param entitiesRecover recovers an entity through the persistence plugins, failing when it cannot */
  JournalCheck(JournalSettings journal, String schemaVersion, Executor blocking,
      Supplier<CompletionStage<Void>> entitiesRecover) {
    this.journal = journal;
    this.schemaVersion = schemaVersion;
    this.blocking = blocking;
    this.entitiesRecover = entitiesRecover;
  }

  @Override
  public String name() {
    return "journal";
  }

  @Override
  public CompletionStage<CheckResult> check() {
    return CompletableFuture.supplyAsync(this::probe, blocking).thenCompose(database -> !database.up()
        ? CompletableFuture.completedFuture(database)
        : entitiesRecover.get().handle((recovered, error) -> error == null ? database
            : CheckResult.down("entities cannot recover through the journal yet: " + Readiness.rootMessage(error))));
  }

  private CheckResult probe() {
    String table = journal.vendor() == JournalSettings.Vendor.H2 ? "\"event_journal\"" : "event_journal";
    try (Connection connection = JournalSchema.connect(journal);
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(5);
      statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
      DatabaseMetaData meta = connection.getMetaData();
      Map<String, String> details = new LinkedHashMap<>();
      details.put("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
      details.put("url", journal.displayUrl());
      details.put("schemaVersion", schemaVersion);
      return CheckResult.up(details);
    } catch (SQLException e) {
      return CheckResult.down(e.getMessage());
    }
  }
}
