package org.adcs.headend.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.adcs.headend.testing.SharedClock;
import org.junit.jupiter.api.Test;

/** Tokens expire, rotate and are revoked; a third party's meters are its own (issue 9, R-OPS-2, R-OPS-3). */
class SecurityStoreTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
  private final SharedClock clock = new SharedClock();
  private final SecurityStore store = new SecurityStore(new SecurityDatabase().withSchema().source, clock);

  SecurityStoreTest() {
    at(now.get());
  }

  private void at(Instant instant) {
    now.set(instant);
    clock.follow(Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aTokenWorksUntilItExpires() {
    assertTrue(store.createPrincipal("mdm", Role.DOWNSTREAM_SYSTEM, Optional.empty()));
    SecurityStore.IssuedToken t = store.issue("mdm", SecurityStore.TokenKind.API, Duration.ofDays(30));
    assertEquals(now.get().plus(Duration.ofDays(30)), t.expiresAt());
    Principal p = store.authenticate(Secrets.tokenHash(t.token())).orElseThrow();
    assertEquals(new Principal("mdm", Role.DOWNSTREAM_SYSTEM, t.id(), Optional.empty()), p);

    at(now.get().plus(Duration.ofDays(30)).minusSeconds(1));
    assertTrue(store.authenticate(Secrets.tokenHash(t.token())).isPresent());
    at(now.get().plusSeconds(1));
    assertTrue(store.authenticate(Secrets.tokenHash(t.token())).isEmpty(), "expired");
    assertTrue(store.rotate(t.id()).isEmpty(), "an expired token cannot be rotated into a new one");
  }

  @Test
  void rotationKeepsKindAndLifetimeAndRevokesTheOldToken() {
    store.createPrincipal("dana", Role.OPERATOR, Optional.empty());
    SecurityStore.IssuedToken old = store.issue("dana", SecurityStore.TokenKind.SESSION, Duration.ofHours(8));
    at(now.get().plus(Duration.ofHours(2)));
    SecurityStore.IssuedToken fresh = store.rotate(old.id()).orElseThrow();
    assertNotEquals(old.token(), fresh.token());
    assertEquals(SecurityStore.TokenKind.SESSION, fresh.kind());
    assertEquals(now.get().plus(Duration.ofHours(8)), fresh.expiresAt());
    assertTrue(store.authenticate(Secrets.tokenHash(old.token())).isEmpty());
    assertTrue(store.authenticate(Secrets.tokenHash(fresh.token())).isPresent());
    assertTrue(store.rotate(old.id()).isEmpty(), "a token rotates once");
    assertEquals(List.of(Optional.of(now.get()), Optional.<Instant>empty()),
        store.tokens("dana").stream().map(SecurityStore.TokenInfo::revokedAt).toList());
  }

  @Test
  void revokingOrDisablingEndsAccessAndNamesAreUnique() {
    store.createPrincipal("tablet", Role.FIELD_TOOL, Optional.empty());
    assertFalse(store.createPrincipal("tablet", Role.OPERATOR, Optional.empty()));
    SecurityStore.IssuedToken a = store.issue("tablet", SecurityStore.TokenKind.API, Duration.ofDays(1));
    SecurityStore.IssuedToken b = store.issue("tablet", SecurityStore.TokenKind.API, Duration.ofDays(1));
    assertTrue(store.revoke(a.id()));
    assertFalse(store.revoke(a.id()), "already revoked");
    assertTrue(store.authenticate(Secrets.tokenHash(a.token())).isEmpty());
    assertTrue(store.authenticate(Secrets.tokenHash(b.token())).isPresent());
    assertTrue(store.disable("tablet"));
    assertTrue(store.authenticate(Secrets.tokenHash(b.token())).isEmpty());
    assertFalse(store.anyActive(Role.FIELD_TOOL));
    assertFalse(store.disable("nobody"));
  }

  @Test
  void aPartysMetersAreReplacedWholeAndCheckedOneByOne() {
    store.createPrincipal("esco", Role.THIRD_PARTY, Optional.empty());
    store.replaceMeters("esco", List.of("M2", "M1", "M1"));
    assertEquals(List.of("M1", "M2"), List.copyOf(store.meters("esco")));
    assertEquals(Optional.empty(), store.firstForeign("esco", List.of("M1", "M2")));
    assertEquals(Optional.of("M3"), store.firstForeign("esco", List.of("M1", "M3")));
    store.replaceMeters("esco", List.of("M3"));
    assertEquals(Optional.of("M1"), store.firstForeign("esco", List.of("M1")));
    assertTrue(store.curtail("esco", Optional.of("quota")));
    SecurityStore.IssuedToken t = store.issue("esco", SecurityStore.TokenKind.API, Duration.ofDays(1));
    assertEquals(Optional.of("quota"), store.authenticate(Secrets.tokenHash(t.token())).orElseThrow().curtailed());
  }

  @Test
  void aStoreThatCannotBeReachedSaysSo() {
    SecurityStore empty = new SecurityStore(new SecurityDatabase().source, clock);
    SecurityStore.StoreFailure failure = assertThrows(SecurityStore.StoreFailure.class, () -> empty.principal("x"));
    assertTrue(failure.getMessage().startsWith("the security store could not read a principal"), failure.getMessage());
  }
}
