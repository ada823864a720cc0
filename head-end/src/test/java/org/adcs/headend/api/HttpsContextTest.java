package org.adcs.headend.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.adcs.headend.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS on the API (R-OPS-3): a development certificate made once and kept, or a configured keystore. */
class HttpsContextTest {

  @TempDir
  Path dataDir;

  @Test
  void developmentModeMakesACertificateForLocalhostOnceAndKeepsIt() throws Exception {
    HttpsContext.Settings development = new HttpsContext.Settings(HttpsContext.Mode.DEVELOPMENT, null, "");
    assertTrue(HttpsContext.create(development, dataDir).isPresent());
    Path keystore = dataDir.resolve("tls").resolve("development.p12");
    X509Certificate first = certificate(keystore);
    assertEquals("CN=localhost, O=ADCS development", first.getSubjectX500Principal().getName().replace(",O=", ", O="));
    assertTrue(first.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));

    assertTrue(HttpsContext.create(development, dataDir).isPresent());
    assertArrayEquals(first.getEncoded(), certificate(keystore).getEncoded(), "the same certificate after a restart");
  }

  @Test
  void offServesPlainHttpAndAWrongKeystorePasswordStopsStartUpNamingTheSetting() {
    assertTrue(HttpsContext.create(new HttpsContext.Settings(HttpsContext.Mode.OFF, null, ""), dataDir).isEmpty());
    Path keystore = HttpsContext.developmentKeystore(dataDir);
    StartupFailure wrong = assertThrows(StartupFailure.class, () -> HttpsContext.create(
        new HttpsContext.Settings(HttpsContext.Mode.KEYSTORE, keystore, "not-the-password"), dataDir));
    assertTrue(wrong.getMessage().contains("ADCS_HTTP_TLS_PASSWORD"), wrong.getMessage());
    assertTrue(HttpsContext.create(new HttpsContext.Settings(HttpsContext.Mode.KEYSTORE, keystore,
        HttpsContext.DEVELOPMENT_PASSWORD), dataDir).isPresent());
  }

  private static X509Certificate certificate(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, HttpsContext.DEVELOPMENT_PASSWORD.toCharArray());
    }
    return (X509Certificate) store.getCertificate("adcs");
  }
}
