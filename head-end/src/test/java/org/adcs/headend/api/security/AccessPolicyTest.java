package org.adcs.headend.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpRequest;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which role may call which route (R-OPS-2), and where a route's meter ids are. */
class AccessPolicyTest {

  private static AccessPolicy.Rule rule(String method, String uri) {
    return AccessPolicy.ruleFor(HttpRequest.create(uri).withMethod(HttpMethods.lookup(method).orElseThrow()));
  }

  @Test
  void probesAndLoginNeedNoTokenAndNothingElseIsOpen() {
    assertTrue(rule("GET", "/health").open());
    assertTrue(rule("GET", "/ready").open());
    assertTrue(rule("POST", "/api/v1/auth/login").open());
    assertFalse(rule("GET", "/api/v1/auth/login").open());
    assertFalse(rule("POST", "/health").open());
    assertFalse(rule("GET", "/api/v1/subscriptions").open());
    assertFalse(rule("GET", "/healthz").open());
    assertTrue(rule("GET", "/health").probe() && rule("GET", "/ready").probe());
    assertFalse(rule("POST", "/api/v1/auth/login").probe(), "logins are audited");
  }

  @Test
  void theConsoleFilesAreOpenAndUnauditedButItsDataIsTheOperators() {
    for (String path : List.of("/", "/console", "/console/", "/console/app.js", "/console/style.css")) {
      assertTrue(rule("GET", path).open() && rule("GET", path).probe(), path);
    }
    assertFalse(rule("POST", "/console/app.js").open());
    assertFalse(rule("GET", "/console/x/y.js").open(), "the console has no folders");
    assertFalse(rule("GET", "/consoles").open());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("GET", "/api/v1/collection/summary").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("GET", "/api/v1/alerts").roles());
    assertEquals(EnumSet.of(Role.OPERATOR), rule("POST", "/api/v1/alerts/7/acknowledge").roles());
    assertFalse(rule("GET", "/api/v1/alerts").open());
  }

  @Test
  void aMeterReadIsForOperatorsFieldToolsAndThirdPartiesOnTheirOwnMeters() {
    AccessPolicy.Rule read = rule("POST", "/api/v1/meters/SIM00000001/reads");
    assertEquals(EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.THIRD_PARTY), read.roles());
    assertTrue(read.scoped());
    assertEquals(List.of("SIM00000001"),
        read.meterIds(HttpRequest.POST("/api/v1/meters/SIM00000001/reads")));
  }

  @Test
  void theEventStreamNamesItsMetersInTheQuery() {
    HttpRequest request = HttpRequest.create("/api/v1/events/stream?type=POWER_OUTAGE&meter=A1,B2&meter=C3");
    AccessPolicy.Rule stream = AccessPolicy.ruleFor(request);
    assertTrue(stream.roles().contains(Role.THIRD_PARTY) && stream.scoped());
    assertEquals(List.of("A1", "B2", "C3"), stream.meterIds(request));
    assertEquals(List.of(), stream.meterIds(HttpRequest.create("/api/v1/events/stream")));
  }

  @Test
  void subscriptionsAdministrationAndTheAuditHaveTheirRoles() {
    assertEquals(EnumSet.of(Role.DOWNSTREAM_SYSTEM, Role.ADMINISTRATOR), rule("DELETE", "/api/v1/subscriptions/x").roles());
    assertEquals(EnumSet.of(Role.ADMINISTRATOR), rule("POST", "/api/v1/admin/principals").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("GET", "/api/v1/audit").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("PUT", "/api/v1/parties/esco/curtailment").roles());
    assertEquals(EnumSet.allOf(Role.class), rule("GET", "/api/v1/auth/me").roles());
  }

  @Test
  void aRouteNotInTheTableIsForOperatorsAndAdministratorsNeverAThirdParty() {
    AccessPolicy.Rule unlisted = rule("GET", "/api/v1/extracts");
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), unlisted.roles());
    assertFalse(unlisted.open());
  }

  @Test
  void theReadingFeedIsForDownstreamSystemsAndThirdPartiesForTheirOwnMetersAndMassReadsForOperators() {
    AccessPolicy.Rule readings = rule("GET", "/api/v1/readings/stream");
    assertEquals(EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), readings.roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("POST", "/api/v1/mass-reads").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("DELETE", "/api/v1/mass-reads/42").roles());
  }
}
