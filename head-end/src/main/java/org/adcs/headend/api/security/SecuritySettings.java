package org.adcs.headend.api.security;

import java.time.Duration;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;

/**
 * The API's security settings ({@code adcs.api}): the first administrator, token lifetimes, how long a
 * node may trust a token it has looked up (so a revocation elsewhere in the cluster applies within it),
 * third parties' request limits and the audit log's buffer and retention.
 */
public record SecuritySettings(String bootstrapAdmin, String bootstrapPassword, int passwordIterations,
    Duration sessionValidity, Duration apiTokenValidity, Duration credentialCache, RequestLimits.Limit thirdPartyLimit,
    int auditBuffer, Duration auditRetention) {

  /** R-OPS-3: credentials rotate at least every 12 months. */
  static final Duration LONGEST_TOKEN = Duration.ofDays(366);

  public static SecuritySettings from(SettingReader read) {
    String p = "adcs.api.";
    String admin = read.nonBlank(p + "bootstrap-admin.username").strip();
    if (!AccessPolicy.NAME.matcher(admin).matches()) {
      throw new InvalidSettingException(p + "bootstrap-admin.username", "expected 1-64 letters, digits or . _ - @");
    }
    String password = read.string(p + "bootstrap-admin.password");
    if (!password.isEmpty() && password.length() < 12) {
      throw new InvalidSettingException(p + "bootstrap-admin.password",
          "must be at least 12 characters, or empty to have one generated and logged once");
    }
    Duration apiTokens = read.duration(p + "api-token-validity");
    if (apiTokens.compareTo(LONGEST_TOKEN) > 0) {
      throw new InvalidSettingException(p + "api-token-validity",
          "must be at most 366d: credentials rotate at least every 12 months (R-OPS-3), found " + apiTokens);
    }
    Duration sessions = read.duration(p + "session-validity");
    if (sessions.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidSettingException(p + "session-validity", "must be at most 1d, found " + sessions);
    }
    Duration retention = read.duration(p + "audit.retention");
    if (retention.compareTo(Duration.ofDays(1095)) < 0) {
      throw new InvalidSettingException(p + "audit.retention",
          "must be at least 1095d: the audit log is kept as long as the interval data (36 months)");
    }
    return new SecuritySettings(admin, password, read.integer(p + "password-iterations", 100_000, 10_000_000),
        sessions, apiTokens, read.duration(p + "credential-cache"),
        new RequestLimits.Limit(read.integer(p + "third-party-limit.burst", 1, 1_000_000),
            read.integer(p + "third-party-limit.per-second", 1, 1_000_000)),
        read.integer(p + "audit.buffer", 16, 1_000_000), retention);
  }
}
