package org.adcs.headend.api.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator, so a fresh system can be used at all: created when no active
 * administrator exists, with the configured password ({@code adcs.api.bootstrap-admin.password},
 * e.g. from {@code ADCS_API_BOOTSTRAP_ADMIN_PASSWORD}) or else a generated one that is logged this
 * once. Later starts leave existing administrators alone; the password is then only the one stored.
 */
final class BootstrapAdmin {

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

  private BootstrapAdmin() {}

  static void ensure(SecurityStore store, SecuritySettings settings) {
    if (store.anyActive(Role.ADMINISTRATOR)) {
      return;
    }
    String name = settings.bootstrapAdmin();
    boolean generated = settings.bootstrapPassword().isEmpty();
    String password = generated ? Secrets.newPassword() : settings.bootstrapPassword();
    String hash = Secrets.hashPassword(password.toCharArray(), settings.passwordIterations());
    if (!store.createPrincipal(name, Role.ADMINISTRATOR, Optional.of(hash))) {
      throw new IllegalStateException("adcs.api.bootstrap-admin.username " + name
          + " names an existing principal that is not an active administrator; choose another name");
    }
    if (generated) {
      log.warn("API administrator \"{}\" created with the generated password {} (shown this once: log in at"
          + " POST /api/v1/auth/login and create the users and tokens you need)", name, password);
    } else {
      log.info("API administrator \"{}\" created with the password from adcs.api.bootstrap-admin.password", name);
    }
  }
}
