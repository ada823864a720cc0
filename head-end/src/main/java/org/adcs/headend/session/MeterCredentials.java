package org.adcs.headend.session;

import java.util.List;
import java.util.Optional;

/**
 * What provisioning knows of a meter before it ever connects: its serial and LLS password, by the
 * logical device name it announces itself with. A meter provisioning does not know is refused.
 */
public interface MeterCredentials {

  /** @param address host:port of a meter that listens and is dialled by the head-end (R-COL-5); null if it dials in */
  record Provisioned(String serial, String logicalDeviceName, String llsPassword, String address) {

    public Provisioned(String serial, String logicalDeviceName, String llsPassword) {
      this(serial, logicalDeviceName, llsPassword, null);
    }

    public boolean listens() {
      return address != null;
    }

    @Override
    public String toString() {
      return "Provisioned[" + serial + ", " + logicalDeviceName + (address == null ? "" : ", " + address)
          + ", password hidden]";
    }
  }

  Optional<Provisioned> lookup(String logicalDeviceName);

  /** The meters the head-end dials: they listen at their provisioned address. */
  default List<Provisioned> listening() {
    return List.of();
  }
}
