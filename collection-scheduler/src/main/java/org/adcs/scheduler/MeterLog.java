package org.adcs.scheduler;

import org.slf4j.Logger;
import org.slf4j.MDC;

/** One log line per event about a meter, with the meter id in the MDC key {@code meterId}. */
public final class MeterLog {

  public static final String MDC_KEY = "meterId";

  private MeterLog() {}

  public static void info(Logger log, String meterId, String format, Object... args) {
    if (!log.isInfoEnabled()) {
      return;
    }
    MDC.put(MDC_KEY, meterId);
    try {
      log.info(format, args);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  public static void warn(Logger log, String meterId, String format, Object... args) {
    if (!log.isWarnEnabled()) {
      return;
    }
    MDC.put(MDC_KEY, meterId);
    try {
      log.warn(format, args);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
