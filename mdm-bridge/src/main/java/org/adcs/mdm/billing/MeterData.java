package org.adcs.mdm.billing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.vee.ValidatedDay;

/** The validated data billing quantities are computed from. Calls block. */
public interface MeterData {

  /** The latest validated version of a (standard-time) day. */
  Optional<ValidatedDay> validatedDay(String meter, String channel, LocalDate day);

  /**
   * The first and the last register read taken in [from, to] (meter standard time), in time order:
   * none, one, or two.
   */
  List<RegisterRead> firstAndLastRead(String meter, String channel, LocalDateTime from, LocalDateTime to);
}
