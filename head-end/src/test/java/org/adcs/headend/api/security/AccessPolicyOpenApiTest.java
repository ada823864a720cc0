package org.adcs.headend.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.adcs.headend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The access policy and the OpenAPI document say the same (R-OPS-2): each documented operation's
 * {@code x-adcs-roles} are exactly the roles its rule lets through, it is open exactly when its rule
 * is, and every rule of the table serves some documented operation.
 */
class AccessPolicyOpenApiTest {

  private final List<OpenApiContract.Operation> operations = OpenApiContract.get().operations();

  @Test
  void everyOperationsRolesAreWhatItsRuleAllows() {
    List<String> wrong = new ArrayList<>();
    for (OpenApiContract.Operation op : operations) {
      AccessPolicy.Rule rule = AccessPolicy.ruleFor(request(op));
      Set<String> allowed = rule.roles().stream().map(Role::wire).collect(Collectors.toCollection(TreeSet::new));
      if (!allowed.equals(new TreeSet<>(op.roles()))) {
        wrong.add(op.id() + ": document says " + new TreeSet<>(op.roles()) + ", AccessPolicy allows " + allowed);
      }
      if (rule.open() != op.open()) {
        wrong.add(op.id() + ": " + (op.open() ? "documented open (security: [])" : "documented as needing a token")
            + " but the rule is " + (rule.open() ? "open" : "not open"));
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void everyRuleOfTheTableServesADocumentedOperation() {
    Set<AccessPolicy.Rule> used = new HashSet<>();
    operations.forEach(op -> used.add(AccessPolicy.ruleFor(request(op))));
    // The operator console's files are a web application served beside the API, not part of it
    // (ConsoleIT drives them in a browser).
    List<String> unused = AccessPolicy.rules().stream().filter(r -> !used.contains(r))
        .filter(r -> !r.path().matcher("/console/index.html").matches())
        .map(r -> r.method() + " " + r.path().pattern()).toList();
    assertEquals(List.of(), unused, "rules for routes the OpenAPI document does not describe");
  }

  @Test
  void aRouteOnlyTheUnlistedRuleCoversIsNoDocumentedOperation() {
    AccessPolicy.Rule unlisted = AccessPolicy.ruleFor(HttpRequest.GET("/api/v1/not-a-route"));
    List<String> fallingThrough = operations.stream().filter(op -> AccessPolicy.ruleFor(request(op)) == unlisted)
        .map(OpenApiContract.Operation::id).toList();
    assertEquals(List.of(), fallingThrough, "documented operations without a rule of their own");
  }

  /** A request for the operation, its path parameters filled with ids of the right shape. */
  private static HttpRequest request(OpenApiContract.Operation op) {
    String path = op.template().replace("{meterId}", "SIM00000001").replaceAll("\\{[^/}]+}", "sample-1");
    return HttpRequest.create(path).withMethod(HttpMethods.lookup(op.method()).orElseThrow());
  }
}
