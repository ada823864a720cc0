package org.adcs.headend.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.pattern.CircuitBreakerOpenException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.journal.JournalSchema;
import org.adcs.headend.journal.JournalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal is ready when its database answers and entities recover through the persistence plugins. */
class JournalCheckTest {

  @TempDir
  Path dir;

  private JournalSettings journal() {
    JournalSettings settings = new JournalSettings("jdbc:h2:file:" + dir.resolve("journal") + ";DB_CLOSE_DELAY=-1",
        "adcs", "", 4, Duration.ofSeconds(5));
    JournalSchema.migrate(settings);
    return settings;
  }

  private static CheckResult check(JournalCheck check) throws Exception {
    return check.check().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readyWhenTheDatabaseAnswersAndEntitiesRecover() throws Exception {
    CheckResult result = check(new JournalCheck(journal(), "4", Runnable::run,
        () -> CompletableFuture.completedFuture(null)));
    assertTrue(result.up(), result.toString());
    assertEquals("4", result.details().get("schemaVersion"));
  }

  /** After an outage the database answers first; the plugins' circuit breakers fail recoveries a while longer. */
  @Test
  void notReadyWhileEntitiesCannotRecoverThoughTheDatabaseAnswers() throws Exception {
    CheckResult result = check(new JournalCheck(journal(), "4", Runnable::run, () -> CompletableFuture.failedFuture(
        new CircuitBreakerOpenException(scala.concurrent.duration.Duration.create(12, TimeUnit.SECONDS),
            "Circuit Breaker is open; calls are failing fast"))));
    assertFalse(result.up(), result.toString());
    assertTrue(result.details().get("error").startsWith("entities cannot recover through the journal yet: Circuit"),
        result.toString());
  }
}
