package org.adcs.headend.bridge;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;

/**
 * {@code adcs.master-data} (R-MD-1).
 *
 * @param checkReadings whether readings of meters without master data are kept back until it arrives
 * @param holdTime      how long an out-of-order sync set waits for the sets before it
 */
public record MasterDataSettings(boolean checkReadings, Duration holdTime) {

  static final Duration MAX_HOLD = Duration.ofDays(7);

  public static MasterDataSettings from(Config config) {
    String check = "adcs.master-data.check-readings";
    boolean checkReadings;
    try {
      checkReadings = config.getBoolean(check);
    } catch (ConfigException.WrongType | ConfigException.Missing e) {
      throw new InvalidSettingException(check, "must be on or off");
    }
    String hold = "adcs.master-data.hold-time";
    Duration holdTime = new SettingReader(config).duration(hold);
    if (holdTime.isZero() || holdTime.isNegative() || holdTime.compareTo(MAX_HOLD) > 0) {
      throw new InvalidSettingException(hold, "must be more than 0 and at most 7d, found " + holdTime);
    }
    return new MasterDataSettings(checkReadings, holdTime);
  }
}
