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
  void pickupWorkIsForFieldToolsAndOperatorsNeverThirdPartiesOrDownstreamSystems() {
    HttpRequest list = HttpRequest.create("/api/v1/pickup-requests?meter=M1&status=all");
    AccessPolicy.Rule listing = AccessPolicy.ruleFor(list);
    assertEquals(EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.ADMINISTRATOR), listing.roles());
    assertEquals(List.of("M1"), listing.meterIds(list), "the audit names the meter asked about");
    assertEquals(EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL, Role.ADMINISTRATOR), rule("GET", "/api/v1/pickup-requests/7").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("POST", "/api/v1/pickup-requests").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.FIELD_TOOL), rule("POST", "/api/v1/pickup-requests/7/dump").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("DELETE", "/api/v1/pickup-requests/7").roles(),
        "anything else on pickup requests is unlisted: operators and administrators");
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
    AccessPolicy.Rule unlisted = rule("GET", "/api/v1/not-yet-a-route");
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

  /** R-DAT-1, R-DAT-2, R-DAT-4: readings are scoped to a third party's meters; mailboxes and extracts per party. */
  @Test
  void readingsAreScopedToAThirdPartysMetersAndMailboxesAndExtractsArePerParty() {
    for (String path : List.of("/api/v1/readings", "/api/v1/readings/yesterday")) {
      AccessPolicy.Rule readings = rule("GET", path);
      assertEquals(EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY), readings.roles(), path);
      assertEquals(AccessPolicy.Meters.QUERY, readings.meters(), path);
      assertTrue(readings.scoped(), path);
    }
    EnumSet<Role> parties = EnumSet.of(Role.OPERATOR, Role.DOWNSTREAM_SYSTEM, Role.THIRD_PARTY, Role.ADMINISTRATOR);
    assertEquals(parties, rule("GET", "/api/v1/mailbox").roles());
    assertEquals(parties, rule("GET", "/api/v1/mailbox/0b7e9c1e-0000-1000-8000-000000000000").roles());
    assertEquals(parties, rule("POST", "/api/v1/extracts").roles());
    assertEquals(parties, rule("DELETE", "/api/v1/extracts/42").roles());
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("GET", "/api/v1/parties/esco/usage").roles());
    // Writing into a mailbox is not a route: only readings and extracts deliver there.
    assertEquals(EnumSet.of(Role.OPERATOR, Role.ADMINISTRATOR), rule("POST", "/api/v1/mailbox").roles());
  }
}
