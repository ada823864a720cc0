package org.adcs.headend.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private record Fixed(String name, CompletionStage<CheckResult> result) implements ReadinessCheck {
    @Override
    public CompletionStage<CheckResult> check() {
      return result;
    }
  }

  private static ReadinessCheck up(String name) {
    return new Fixed(name, CompletableFuture.completedFuture(CheckResult.up(Map.of("k", "v"))));
  }

  @Test
  void readyWhenEveryCheckIsUp() {
    ReadinessReport report = new Readiness(List.of(up("cassandra"), up("journal")), Duration.ofSeconds(1)).report().join();
    assertTrue(report.ready());
    assertEquals(List.of("cassandra", "journal"), List.copyOf(report.checks().keySet()));
  }

  @Test
  void aCheckThatNeverAnswersIsDownAfterTheTimeout() {
    ReadinessCheck hanging = new Fixed("cassandra", new CompletableFuture<>());
    ReadinessReport report = new Readiness(List.of(hanging, up("journal")), Duration.ofMillis(50)).report().join();
    assertFalse(report.ready());
    assertTrue(report.checks().get("cassandra").details().get("error").contains("no answer within 50 ms"));
    assertTrue(report.checks().get("journal").up());
  }

  @Test
  void aFailedCheckIsDownWithItsRootCause() {
    ReadinessCheck failing = new Fixed("journal",
        CompletableFuture.failedFuture(new RuntimeException("wrapper", new IllegalStateException("connection refused"))));
    ReadinessReport report = new Readiness(List.of(failing), Duration.ofSeconds(1)).report().join();
    assertFalse(report.ready());
    assertEquals("connection refused", report.checks().get("journal").details().get("error"));
  }

  @Test
  void aCheckThatThrowsIsDownInsteadOfBreakingTheReport() {
    ReadinessCheck throwing = new ReadinessCheck() {
      @Override
      public String name() {
        return "cluster";
      }

      @Override
      public CompletionStage<CheckResult> check() {
        throw new IllegalStateException("not started");
      }
    };
    ReadinessReport report = new Readiness(List.of(throwing, up("journal")), Duration.ofSeconds(1)).report().join();
    assertFalse(report.checks().get("cluster").up());
    assertFalse(report.ready());
  }
}
