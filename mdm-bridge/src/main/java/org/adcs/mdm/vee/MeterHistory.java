package org.adcs.mdm.vee;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.adcs.mdm.reading.RegisterRead;

/**
 * What VEE may know about one meter channel's past: validated days and register reads, as of the
 * delivery being validated (so validating the same delivery again gives the same result).
 */
public interface MeterHistory {

  Optional<ValidatedDay> validatedDay(LocalDate day);

  /** The register read taken exactly at {@code at} (midnight reads bound a day). */
  Optional<RegisterRead> register(LocalDateTime at);

  MeterHistory NONE = new MeterHistory() {
    @Override
    public Optional<ValidatedDay> validatedDay(LocalDate day) {
      return Optional.empty();
    }

    @Override
    public Optional<RegisterRead> register(LocalDateTime at) {
      return Optional.empty();
    }
  };
}
