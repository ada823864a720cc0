package org.adcs.headend.api.data;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;
import org.adcs.mdm.market.MarketFormat;
import org.adcs.mdm.market.MarketParty;

/**
 * Market delivery's settings ({@code adcs.market}, R-MD-5).
 *
 * @param deliveryTime when each day's file is due, in the meters' standard time
 * @param sender       the sender id the files carry
 * @param parties      the parties that get daily files, each in its format
 * @param lookbackDays how many meter days back a run looks for newly posted data
 * @param maxCatchUp   missed days one run delivers per party
 * @param check        how often the delivering node looks for due files
 * @param lateAfter    a file delivered later than this after its cut-off counts as late
 */
public record MarketSettings(LocalTime deliveryTime, String sender, List<MarketParty> parties, int lookbackDays,
    int maxCatchUp, Duration check, Duration lateAfter) {

  public static MarketSettings from(SettingReader read) {
    String p = "adcs.market.";
    LocalTime at;
    try {
      at = LocalTime.parse(read.nonBlank(p + "delivery-time").strip());
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(p + "delivery-time", "expected a time of day as HH:MM, e.g. 06:00");
    }
    String sender = read.nonBlank(p + "sender").strip();
    if (!sender.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new InvalidSettingException(p + "sender", "expected 1-64 letters, digits or . _ -, found " + sender);
    }
    List<MarketParty> parties = new ArrayList<>();
    for (Map.Entry<String, String> e : read.stringMap(p + "parties").entrySet()) {
      MarketFormat format = MarketFormat.ofWire(e.getValue().strip()).orElseThrow(() -> new InvalidSettingException(
          p + "parties", "party " + e.getKey() + ": format must be csv, cmep or edi867, found " + e.getValue()));
      try {
        parties.add(new MarketParty(e.getKey(), format));
      } catch (IllegalArgumentException bad) {
        throw new InvalidSettingException(p + "parties", bad.getMessage());
      }
    }
    Duration check = read.duration(p + "check");
    if (check.compareTo(Duration.ofSeconds(1)) < 0 || check.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidSettingException(p + "check", "must be between 1s and 1h, found " + check);
    }
    Duration late = read.duration(p + "late-after");
    if (late.isNegative() || late.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidSettingException(p + "late-after", "must be between 0 and 1 day, found " + late);
    }
    return new MarketSettings(at, sender, parties, read.integer(p + "lookback-days", 1, 62),
        read.integer(p + "max-catch-up-days", 1, 62), check, late);
  }
}
