package org.adcs.headend.session;

import java.util.Optional;

/**
 * What provisioning knows of a meter before it ever connects: its serial and LLS password, by the
 * logical device name it announces itself with. A meter provisioning does not know is refused.
 */
public interface MeterCredentials {

  record Provisioned(String serial, String logicalDeviceName, String llsPassword) {
    @Override
    public String toString() {
      return "Provisioned[" + serial + ", " + logicalDeviceName + ", password hidden]";
    }
  }

  Optional<Provisioned> lookup(String logicalDeviceName);
}
