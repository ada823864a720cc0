package org.adcs.headend.session;

import java.util.Optional;
import org.adcs.headend.config.HeadEndSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the meter credentials the configuration asks for. */
public final class MeterCredentialsSetting {

  private static final Logger log = LoggerFactory.getLogger(MeterCredentialsSetting.class);

  private MeterCredentialsSetting() {}

  public static MeterCredentials from(HeadEndSettings.Meters meters) {
    if (meters.provisioningFile() != null) {
      ProvisioningFile file = ProvisioningFile.load(meters.provisioningFile());
      log.info("meter credentials: {} provisioned meters from {}", file.size(), meters.provisioningFile());
      return file;
    }
    if (!meters.sharedLlsPassword().isBlank()) {
      log.warn("meter credentials: one shared LLS password for every meter (adcs.meters.shared-lls-password);"
          + " for development and demos only");
      return new SharedPasswordCredentials(meters.sharedLlsPassword());
    }
    log.warn("meter credentials: none configured, every meter that dials in will be refused; set"
        + " adcs.meters.provisioning-file (ADCS_METERS_PROVISIONING_FILE)");
    return name -> Optional.empty();
  }
}
