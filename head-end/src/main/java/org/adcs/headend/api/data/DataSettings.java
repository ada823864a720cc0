package org.adcs.headend.api.data;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;

/**
 * Data retrieval's settings ({@code adcs.data}): how much one request may ask for, each party's daily
 * on-demand reads (R-DAT-4), and when and how often periodic extracts run.
 *
 * @param maxMeters        meters in one request
 * @param maxDays          days in one request
 * @param maxMeterDays     meters x days in one request
 * @param readsPerDay      a third party's on-demand reads per day (UTC)
 * @param extractsPerParty extracts one party may have at once
 * @param extractCheck     how often the extract runner looks for due extracts
 * @param periodicRunAt    the time of day (in each extract's zone) periodic extracts run
 */
public record DataSettings(int maxMeters, int maxDays, int maxMeterDays, int readsPerDay, int extractsPerParty,
    Duration extractCheck, LocalTime periodicRunAt) {

  public static DataSettings from(SettingReader read) {
    String p = "adcs.data.";
    LocalTime runAt;
    try {
      runAt = LocalTime.parse(read.nonBlank(p + "periodic-extract-time").strip());
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(p + "periodic-extract-time", "expected a time of day as HH:MM, e.g. 06:00");
    }
    Duration check = read.duration(p + "extract-check");
    if (check.compareTo(Duration.ofSeconds(1)) < 0 || check.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidSettingException(p + "extract-check", "must be between 1s and 1h, found " + check);
    }
    return new DataSettings(read.integer(p + "max-meters", 1, 100_000), read.integer(p + "max-days", 1, 60),
        read.integer(p + "max-meter-days", 1, 10_000_000), read.integer(p + "on-demand-reads-per-day", 0, 10_000_000),
        read.integer(p + "extracts-per-party", 1, 10_000), check, runAt);
  }
}
