package org.adcs.mdm.usage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.ValidatedDay;

/** Where usage history comes from: the MDM store's validated intervals and register reads. */
public interface UsageSource {

  /** The newest validated version of each stored day of [from, to), in date order. */
  List<ValidatedDay> days(MeterId meter, Channel channel, LocalDate from, LocalDate to);

  /** The register read taken at {@code at} (meter standard time), if there is one. */
  Optional<RegisterRead> read(MeterId meter, Channel channel, LocalDateTime at);
}
