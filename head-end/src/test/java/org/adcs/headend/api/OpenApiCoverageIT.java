package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.adcs.headend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the served OpenAPI document was answered by its route in some integration test
 * of this run (through ApiClient, which records them in a file per test JVM). The head-end pom runs
 * this class in its own failsafe execution after all the others; a run of chosen ITs
 * ({@code -Dit.test=...}) leaves it out.
 */
class OpenApiCoverageIT {

  @Test
  void everyDocumentedOperationWasExercisedByTheIntegrationTests() {
    Set<String> exercised = OpenApiContract.exercised();
    List<String> never = OpenApiContract.get().operations().stream().map(OpenApiContract.Operation::id)
        .filter(id -> !exercised.contains(id)).sorted().toList();
    assertEquals(List.of(), never, "documented operations no integration test of this run reached"
        + " (through ApiClient, answered by the route rather than refused by the guard)");
  }
}
