package org.adcs.headend.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Passwords and tokens are kept only as hashes (issue 9: secrets stored hashed). */
class SecretsTest {

  @Test
  void aPasswordMatchesItsHashAndNothingElse() {
    String stored = Secrets.hashPassword("correct horse battery".toCharArray(), 100_000);
    assertTrue(stored.startsWith("pbkdf2-sha256$100000$"), stored);
    assertFalse(stored.contains("correct horse"));
    assertTrue(Secrets.passwordMatches("correct horse battery".toCharArray(), stored));
    assertFalse(Secrets.passwordMatches("correct horse batterY".toCharArray(), stored));
    assertFalse(Secrets.passwordMatches("".toCharArray(), stored));
  }

  @Test
  void eachHashHasItsOwnSaltAndKeepsItsIterationCount() {
    String a = Secrets.hashPassword("same password".toCharArray(), 100_000);
    String b = Secrets.hashPassword("same password".toCharArray(), 120_000);
    assertNotEquals(a.split("\\$")[2], b.split("\\$")[2], "salts differ");
    assertTrue(Secrets.passwordMatches("same password".toCharArray(), a));
    assertTrue(Secrets.passwordMatches("same password".toCharArray(), b), "the stored count is used");
  }

  @Test
  void aTamperedOrForeignStoredValueNeverMatches() {
    String stored = Secrets.hashPassword("secret password".toCharArray(), 100_000);
    String[] parts = stored.split("\\$");
    assertFalse(Secrets.passwordMatches("secret password".toCharArray(),
        parts[0] + "$" + parts[1] + "$" + parts[2] + "$" + parts[2]));
    assertFalse(Secrets.passwordMatches("secret password".toCharArray(), "secret password"));
    assertFalse(Secrets.passwordMatches("secret password".toCharArray(), "md5$1$x$y"));
    assertFalse(Secrets.passwordMatches("secret password".toCharArray(), null));
    assertFalse(Secrets.passwordMatches("secret password".toCharArray(), "pbkdf2-sha256$many$!!$!!"));
  }

  @Test
  void tokensAreRandomAndTheirHashIsAFixedLengthDigest() {
    String one = Secrets.newToken();
    String two = Secrets.newToken();
    assertNotEquals(one, two);
    assertTrue(one.startsWith("adcs_") && one.length() == 5 + 43, one);
    assertEquals(64, Secrets.tokenHash(one).length());
    assertEquals(Secrets.tokenHash(one), Secrets.tokenHash(one));
    assertNotEquals(Secrets.tokenHash(one), Secrets.tokenHash(two));
    assertTrue(Secrets.tokenHash(one).matches("[0-9a-f]{64}"));
  }
}
