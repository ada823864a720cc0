package org.adcs.headend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks ApiClient applies to every exchange refuse what does not conform to the document. */
class OpenApiContractTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String TOKEN = "Bearer t";
  private final OpenApiContract contract = OpenApiContract.get();

  @Test
  void aConformingExchangePassesAndIsRecordedAsExercised() {
    OpenApiContract.Operation op = contract.check(get("/api/v1/auth/me", 200, "application/json",
        "{\"name\":\"a\",\"role\":\"operator\",\"tokenId\":\"t1\"}")).orElseThrow();
    assertEquals("authMe", op.id());
    assertTrue(OpenApiContract.exercised().contains("authMe"));
  }

  @Test
  void aRefusalByTheGuardDoesNotCountAsExercised() {
    contract.check(get("/api/v1/mass-reads/3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f", 403, PROBLEM,
        "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"role\"}"));
    assertFalse(OpenApiContract.exercised().contains("massReadProgress"));
  }

  @Test
  void aBodyThatMissesARequiredFieldFails() {
    AssertionError e = assertThrows(AssertionError.class, () -> contract.check(get("/api/v1/auth/me", 200,
        "application/json", "{\"name\":\"a\",\"role\":\"operator\"}")));
    assertTrue(e.getMessage().contains("tokenId"), e.getMessage());
  }

  @Test
  void aWrongTypeOrAnUnknownEnumValueFails() {
    assertThrows(AssertionError.class, () -> contract.check(get("/api/v1/auth/me", 200, "application/json",
        "{\"name\":\"a\",\"role\":\"king\",\"tokenId\":\"t1\"}")));
    assertThrows(AssertionError.class, () -> contract.check(get("/api/v1/audit", 200, "application/json",
        "{\"entries\":\"none\"}")));
  }

  @Test
  void anUndocumentedStatusFails() {
    AssertionError e = assertThrows(AssertionError.class, () -> contract.check(get("/api/v1/auth/me", 418, PROBLEM,
        "{\"type\":\"about:blank\",\"title\":\"x\",\"status\":418,\"detail\":\"x\"}")));
    assertTrue(e.getMessage().contains("418 is not documented"), e.getMessage());
  }

  @Test
  void anErrorThatIsNoProblemDocumentFails() {
    AssertionError e = assertThrows(AssertionError.class, () -> contract.check(get("/api/v1/audit?limit=0", 400,
        "text/plain", "limit is a whole number")));
    assertTrue(e.getMessage().contains("not application/problem+json"), e.getMessage());
  }

  @Test
  void aNonConformingRequestMustBeRefused() {
    AssertionError e = assertThrows(AssertionError.class, () -> contract.check(new OpenApiContract.Exchange("POST",
        "/api/v1/admin/principals", Optional.of("application/json"), "{\"name\":\"a b\",\"role\":\"operator\"}",
        Optional.of(TOKEN), 201, Optional.of("application/json"), "{\"name\":\"a b\",\"role\":\"operator\"}",
        Map.of())));
    assertTrue(e.getMessage().contains("the request does not conform"), e.getMessage());
    contract.check(new OpenApiContract.Exchange("POST", "/api/v1/admin/principals", Optional.of("application/json"),
        "{\"name\":\"a b\",\"role\":\"operator\"}", Optional.of(TOKEN), 400, Optional.of(PROBLEM),
        "{\"type\":\"about:blank\",\"title\":\"Invalid principal\",\"status\":400,\"detail\":\"name\"}", Map.of()));
  }

  @Test
  void anUndocumentedOperationMayOnlyBeRefused() {
    assertTrue(contract.check(get("/api/v1/nothing", 404, PROBLEM,
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route\"}")).isEmpty());
    AssertionError e = assertThrows(AssertionError.class, () -> contract.check(get("/api/v1/nothing", 200,
        "application/json", "{}")));
    assertTrue(e.getMessage().contains("undocumented"), e.getMessage());
  }

  @Test
  void literalPathsWinOverTemplatedOnesAndEveryOperationResolvesToItself() {
    for (OpenApiContract.Operation op : contract.operations()) {
      String path = op.template().replaceAll("\\{[^/}]+}", "sample-1");
      assertEquals(op.id(), contract.operation(op.method(), path).orElseThrow().id(), path);
    }
    assertEquals(List.of(), contract.operations().stream().filter(o -> o.id().isBlank()).toList());
  }

  private static OpenApiContract.Exchange get(String path, int status, String type, String body) {
    return new OpenApiContract.Exchange("GET", path, Optional.empty(), null, Optional.of(TOKEN), status,
        Optional.of(type), body, Map.of());
  }
}
