package org.adcs.headend.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs every readiness check concurrently, each bounded by a timeout, into one report. */
public final class Readiness {

  private final List<ReadinessCheck> checks;
  private final Duration timeout;

  public Readiness(List<ReadinessCheck> checks, Duration timeout) {
    this.checks = List.copyOf(checks);
    this.timeout = timeout;
  }

  public CompletableFuture<ReadinessReport> report() {
    Map<String, CompletableFuture<CheckResult>> running = new LinkedHashMap<>();
    for (ReadinessCheck check : checks) {
      CompletableFuture<CheckResult> result;
      try {
        result = check.check().toCompletableFuture();
      } catch (RuntimeException e) {
        result = CompletableFuture.completedFuture(CheckResult.down(e.toString()));
      }
      running.put(check.name(), result
          .completeOnTimeout(CheckResult.down("no answer within " + timeout.toMillis() + " ms"),
              timeout.toMillis(), TimeUnit.MILLISECONDS)
          .exceptionally(e -> CheckResult.down(rootMessage(e))));
    }
    return CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new))
        .thenApply(done -> {
          Map<String, CheckResult> results = new LinkedHashMap<>();
          running.forEach((name, future) -> results.put(name, future.join()));
          return ReadinessReport.of(results);
        });
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
