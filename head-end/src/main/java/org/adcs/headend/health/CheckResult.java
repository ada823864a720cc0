package org.adcs.headend.health;

import java.util.LinkedHashMap;
import java.util.Map;

/** One dependency's state in the readiness report: up or not, and what an operator needs to know. */
public record CheckResult(boolean up, Map<String, String> details) {

  public CheckResult {
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static CheckResult up(Map<String, String> details) {
    return new CheckResult(true, details);
  }

  public static CheckResult down(String error) {
    return new CheckResult(false, Map.of("error", error == null ? "unknown" : error));
  }
}
