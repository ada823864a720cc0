package org.adcs.headend.session;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;

/**
 * The first push of a meter that dials in says who it is: its logical device name (0.0.42.0.0.255),
 * as an octet-string, alone or first in a structure.
 */
final class Announcement {

  private Announcement() {}

  static Optional<String> logicalDeviceName(DataNotification push) {
    DlmsData body = push.body();
    if (body instanceof DlmsData.Structure structure && !structure.elements().isEmpty()) {
      body = structure.elements().get(0);
    }
    if (body instanceof DlmsData.OctetString name && name.value().length > 0 && name.value().length <= 32) {
      String text = new String(name.value(), StandardCharsets.US_ASCII);
      return text.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? Optional.of(text) : Optional.empty();
    }
    return Optional.empty();
  }
}
