package org.adcs.headend.bridge;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.usage.ChannelMapping;
import org.adcs.mdm.usage.FixedUsage;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;

/**
 * {@code adcs.master-data} (R-MD-1).
 *
 * @param checkReadings whether readings of meters without master data are kept back until it arrives
 * @param holdTime      how long an out-of-order sync set waits for the sets before it
 * @param fixedUsage    unmetered service points by id, with their fixed usage (R-MD-3)
 */
public record MasterDataSettings(boolean checkReadings, Duration holdTime, Map<String, FixedUsage> fixedUsage) {

  public MasterDataSettings(boolean checkReadings, Duration holdTime) {
    this(checkReadings, holdTime, Map.of());
  }

  public MasterDataSettings {
    fixedUsage = Map.copyOf(fixedUsage);
  }

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
    return new MasterDataSettings(checkReadings, holdTime, unmetered(config));
  }

  static Map<String, FixedUsage> unmetered(Config config) {
    String path = "adcs.master-data.unmetered";
    if (!config.hasPath(path)) {
      return Map.of();
    }
    java.util.List<? extends Config> entries;
    try {
      entries = config.getConfigList(path);
    } catch (ConfigException e) {
      throw new InvalidSettingException(path, "must be a list of { sdp-id, channel, daily or monthly }");
    }
    Map<String, FixedUsage> points = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      Config entry = entries.get(i);
      String at = path + "[" + i + "]";
      try {
        String sdpId = entry.getString("sdp-id");
        if (sdpId.isBlank() || points.containsKey(sdpId)) {
          throw new InvalidSettingException(at + ".sdp-id", "must be a service point id given once, found \""
              + sdpId + "\"");
        }
        Channel channel = ChannelMapping.channel(entry.hasPath("channel") ? entry.getString("channel") : "active-import");
        boolean daily = entry.hasPath("daily");
        if (daily == entry.hasPath("monthly")) {
          throw new InvalidSettingException(at, "needs exactly one of daily or monthly");
        }
        long quantity = entry.getLong(daily ? "daily" : "monthly");
        if (quantity < 0) {
          throw new InvalidSettingException(at + (daily ? ".daily" : ".monthly"), "must not be negative");
        }
        points.put(sdpId, new FixedUsage(sdpId, channel, daily ? FixedUsage.Basis.DAILY : FixedUsage.Basis.MONTHLY,
            quantity));
      } catch (ConfigException e) {
        throw new InvalidSettingException(at, "needs sdp-id, channel and a whole daily or monthly quantity: "
            + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(at + ".channel", e.getMessage());
      }
    }
    return points;
  }
}
