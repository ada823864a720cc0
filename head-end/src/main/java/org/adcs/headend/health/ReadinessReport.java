package org.adcs.headend.health;

import java.util.Map;

/** {@code GET /ready}: ready only when every dependency is up. */
public record ReadinessReport(boolean ready, Map<String, CheckResult> checks) {

  public static ReadinessReport of(Map<String, CheckResult> checks) {
    boolean ready = checks.values().stream().allMatch(CheckResult::up);
    return new ReadinessReport(ready, checks);
  }
}
