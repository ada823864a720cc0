package org.adcs.mdm.billing;

import java.util.Locale;

/**
 * How a billing quantity is framed (R-MD-4): one total, daily time-of-use bins, daily time-of-use bins
 * with a critical-peak bin, 24 hourly values a local day (23 or 25 on DST days), or maximum demand over
 * 15 or 60 minute windows, block or rolling.
 */
public sealed interface Framing {

  /** The wire name, as {@link #parse} reads it. */
  String wireName();

  record Periodic() implements Framing {
    public String wireName() {
      return "periodic";
    }
  }

  record TimeOfUse() implements Framing {
    public String wireName() {
      return "time-of-use";
    }
  }

  record CriticalPeak() implements Framing {
    public String wireName() {
      return "critical-peak";
    }
  }

  record Hourly() implements Framing {
    public String wireName() {
      return "hourly";
    }
  }

  /** @param rolling windows start at every interval; otherwise they are consecutive blocks on the clock */
  record Demand(int minutes, boolean rolling) implements Framing {
    public Demand {
      if (minutes != 15 && minutes != 60) {
        throw new IllegalArgumentException("a demand window is 15 or 60 minutes, found " + minutes);
      }
    }

    public String wireName() {
      return "demand-" + minutes + "-" + (rolling ? "rolling" : "block");
    }
  }

  /** Reads a wire name: periodic, time-of-use, critical-peak, hourly, demand-{15|60}-{block|rolling}. */
  static Framing parse(String text) {
    String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "periodic" -> new Periodic();
      case "time-of-use" -> new TimeOfUse();
      case "critical-peak" -> new CriticalPeak();
      case "hourly" -> new Hourly();
      case "demand-15-block" -> new Demand(15, false);
      case "demand-15-rolling" -> new Demand(15, true);
      case "demand-60-block" -> new Demand(60, false);
      case "demand-60-rolling" -> new Demand(60, true);
      default -> throw new IllegalArgumentException("framing must be periodic, time-of-use, critical-peak, hourly or"
          + " demand-{15|60}-{block|rolling}, found '" + text + "'");
    };
  }
}
