package org.adcs.mdm.specialread;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A special read of a service point (R-MD-2), stored with its kind.
 *
 * @param reads     the read of the meter in service; for a change-out the removed meter's read
 * @param installed for a change-out only: the installed meter's first read
 * @param newValue  for a read-cycle or tariff change: the new cycle or tariff
 * @param postedAt  when the MDM accepted the read (R-VEE-3: every data set carries read and posting time)
 */
public record SpecialRead(
    UUID id, String sdpId, SpecialReadKind kind, Instant readAt, MeterReads reads, Optional<MeterReads> installed,
    Optional<String> newValue, Instant postedAt) {

  public SpecialRead {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sdpId, "sdpId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(readAt, "readAt");
    Objects.requireNonNull(reads, "reads");
    Objects.requireNonNull(installed, "installed");
    Objects.requireNonNull(newValue, "newValue");
    Objects.requireNonNull(postedAt, "postedAt");
  }
}
