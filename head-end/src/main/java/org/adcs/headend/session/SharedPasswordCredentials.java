package org.adcs.headend.session;

import java.util.Optional;

/**
 * Development and demo only: every meter that announces itself is taken as provisioned, with the
 * one configured LLS password and its logical device name as serial. Production uses a
 * {@link ProvisioningFile}.
 */
public final class SharedPasswordCredentials implements MeterCredentials {

  private final String password;

  public SharedPasswordCredentials(String password) {
    if (password == null || password.isBlank()) {
      throw new IllegalArgumentException("a shared LLS password must not be empty");
    }
    this.password = password;
  }

  @Override
  public Optional<Provisioned> lookup(String logicalDeviceName) {
    return Optional.of(new Provisioned(logicalDeviceName, logicalDeviceName, password));
  }
}
