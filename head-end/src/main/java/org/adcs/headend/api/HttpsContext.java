package org.adcs.headend.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.adcs.headend.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS for the HTTP API (R-OPS-3): production serves the certificate of a configured PKCS#12
 * keystore; development creates a self-signed one for localhost on the first start (with the JDK's
 * keytool) and keeps it in the data directory, so later starts present the same certificate.
 */
public final class HttpsContext {

  private static final Logger log = LoggerFactory.getLogger(HttpsContext.class);

  /** The development keystore's password: it guards a throw-away certificate for localhost only. */
  public static final String DEVELOPMENT_PASSWORD = "adcs-development";

  public enum Mode { OFF, DEVELOPMENT, KEYSTORE }

  public record Settings(Mode mode, Path keystore, String password) {}

  private HttpsContext() {}

  /** The server's TLS context, or empty when TLS is off. */
  public static Optional<SSLContext> create(Settings settings, Path dataDirectory) {
    return switch (settings.mode()) {
      case OFF -> Optional.empty();
      case DEVELOPMENT -> Optional.of(load(developmentKeystore(dataDirectory), DEVELOPMENT_PASSWORD,
          "the development keystore (delete it to have a new one made)"));
      case KEYSTORE -> Optional.of(load(settings.keystore(), settings.password(),
          "adcs.http.tls.keystore / adcs.http.tls.password (ADCS_HTTP_TLS_KEYSTORE, ADCS_HTTP_TLS_PASSWORD)"));
    };
  }

  /** Where development mode keeps its keystore; created on the first start. */
  public static Path developmentKeystore(Path dataDirectory) {
    Path keystore = dataDirectory.resolve("tls").resolve("development.p12");
    if (Files.exists(keystore)) {
      return keystore;
    }
    try {
      Files.createDirectories(keystore.getParent());
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "adcs",
          "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "825",
          "-dname", "CN=localhost, O=ADCS development", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
          "-storetype", "PKCS12", "-keystore", keystore.toString(),
          "-storepass", DEVELOPMENT_PASSWORD, "-keypass", DEVELOPMENT_PASSWORD))
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(keystore)) {
        throw new StartupFailure("Could not create a development TLS certificate with " + keytool + ": "
            + output.strip() + ". Set adcs.http.tls.mode=keystore with a keystore of your own");
      }
    } catch (IOException e) {
      throw new StartupFailure("Could not create a development TLS certificate in " + keystore.getParent()
          + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupFailure("Interrupted while creating a development TLS certificate");
    }
    log.warn("HTTP API: created a self-signed development certificate for localhost in {}; production sets"
        + " adcs.http.tls.mode=keystore", keystore);
    return keystore;
  }

  private static SSLContext load(Path keystore, String password, String setting) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new StartupFailure("Cannot use the TLS keystore " + keystore + " (" + e.getMessage() + "): check "
          + setting, e);
    }
  }
}
