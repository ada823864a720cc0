package org.adcs.cli.output;

import java.util.Locale;

/**
 * One line of a mass read's progress: a bar, the share done, counts, rate and estimated end. On a
 * terminal it is redrawn in place; into a file or pipe each update is a line of its own.
 */
public final class ProgressBar {

  private static final int WIDTH = 30;

  private ProgressBar() {}

  /**
   * @param total 0 while the meters are still being found
   */
  public static String line(String state, long done, long failed, long total, double perMinute, String estimatedEnd) {
    long finished = done + failed;
    double share = total <= 0 ? 0 : Math.min(1.0, (double) finished / total);
    int filled = (int) Math.round(share * WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    return String.format(Locale.ROOT, "[%s] %3d%%  %,d/%s done, %,d failed, %,.0f reads/min, %s%s", bar,
        Math.round(share * 100), done, total <= 0 ? "?" : String.format(Locale.ROOT, "%,d", total), failed, perMinute,
        estimatedEnd == null ? "end not estimated yet" : "ends ~" + estimatedEnd, state.isEmpty() ? "" : "  " + state);
  }
}
