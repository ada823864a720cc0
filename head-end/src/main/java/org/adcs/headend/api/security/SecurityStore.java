package org.adcs.headend.api.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Principals, tokens and third parties' meters in the journal database, so every node of the cluster
 * sees the same credentials and they survive restarts. Blocking JDBC: callers run it off the
 * actor dispatchers. A storage failure surfaces as {@link StoreFailure}.
 */
public final class SecurityStore {

  /** Long-lived tokens for systems and field tools, or short-lived ones from a login. */
  public enum TokenKind { API, SESSION }

  public record StoredPrincipal(String name, Role role, Optional<String> passwordHash, boolean disabled,
      Optional<String> curtailed, Instant createdAt) {}

  public record TokenInfo(String id, String principal, TokenKind kind, Instant createdAt, Instant expiresAt,
      Optional<Instant> revokedAt) {}

  /** A token as issued: the secret leaves the server this once and is kept only as its hash. */
  public record IssuedToken(String id, String principal, TokenKind kind, String token, Instant expiresAt) {}

  public static final class StoreFailure extends RuntimeException {
    StoreFailure(String what, SQLException cause) {
      super("the security store could not " + what + ": " + cause.getMessage(), cause);
    }
  }

  private final DataSource db;
  private final Clock clock;

  public SecurityStore(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** @return false if the name is taken */
  public boolean createPrincipal(String name, Role role, Optional<String> passwordHash) {
    return inTransaction("create a principal", c -> {
      if (principal(c, name).isPresent()) {
        return false;
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_principal"
          + " (name, role_name, password_hash, disabled, created_at) VALUES (?, ?, ?, FALSE, ?)")) {
        insert.setString(1, name);
        insert.setString(2, role.name());
        insert.setString(3, passwordHash.orElse(null));
        insert.setObject(4, utc(clock.instant()));
        insert.executeUpdate();
      }
      return true;
    });
  }

  public Optional<StoredPrincipal> principal(String name) {
    return inTransaction("read a principal", c -> principal(c, name));
  }

  public boolean anyActive(Role role) {
    return inTransaction("look for a principal", c -> {
      try (PreparedStatement q = c.prepareStatement(
          "SELECT COUNT(*) FROM api_principal WHERE role_name = ? AND disabled = FALSE")) {
        q.setString(1, role.name());
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return rs.getLong(1) > 0;
        }
      }
    });
  }

  public List<StoredPrincipal> principals() {
    return inTransaction("list principals", c -> {
      List<StoredPrincipal> all = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(PRINCIPAL + " ORDER BY name"); ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          all.add(principal(rs));
        }
      }
      return all;
    });
  }

  /** Disables a principal and revokes all its tokens; @return false if unknown. */
  public boolean disable(String name) {
    return inTransaction("disable a principal", c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE api_principal SET disabled = TRUE WHERE name = ?")) {
        up.setString(1, name);
        if (up.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement revoke = c.prepareStatement(
          "UPDATE api_token SET revoked_at = ? WHERE principal = ? AND revoked_at IS NULL")) {
        revoke.setObject(1, utc(clock.instant()));
        revoke.setString(2, name);
        revoke.executeUpdate();
      }
      return true;
    });
  }

  /** Sets (a reason) or lifts (empty) an operator's curtailment; @return false if unknown. */
  public boolean curtail(String name, Optional<String> reason) {
    return inTransaction("curtail a principal", c -> {
      try (PreparedStatement up = c.prepareStatement("UPDATE api_principal SET curtailed_reason = ? WHERE name = ?")) {
        up.setString(1, reason.orElse(null));
        up.setString(2, name);
        return up.executeUpdate() > 0;
      }
    });
  }

  public IssuedToken issue(String principal, TokenKind kind, Duration validity) {
    return inTransaction("issue a token", c -> insertToken(c, principal, kind, validity));
  }

  /** The active principal holding this token, if the token is neither revoked nor expired. */
  public Optional<Principal> authenticate(String tokenHash) {
    return inTransaction("check a token", c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT t.id, p.name, p.role_name, p.curtailed_reason"
          + " FROM api_token t JOIN api_principal p ON p.name = t.principal"
          + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND p.disabled = FALSE")) {
        q.setString(1, tokenHash);
        q.setObject(2, utc(clock.instant()));
        try (ResultSet rs = q.executeQuery()) {
          return rs.next() ? Optional.of(new Principal(rs.getString(2), Role.valueOf(rs.getString(3)),
              rs.getString(1), Optional.ofNullable(rs.getString(4)))) : Optional.empty();
        }
      }
    });
  }

  public List<TokenInfo> tokens(String principal) {
    return inTransaction("list tokens", c -> {
      List<TokenInfo> all = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(TOKEN + " WHERE principal = ? ORDER BY created_at, id")) {
        q.setString(1, principal);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            all.add(token(rs));
          }
        }
      }
      return all;
    });
  }

  public Optional<TokenInfo> token(String id) {
    return inTransaction("read a token", c -> token(c, id));
  }

  /**
   * Replaces an active token with a new one of the same kind and lifetime, revoking the old one in the
   * same transaction; empty if the token is unknown, revoked or expired.
   */
  public Optional<IssuedToken> rotate(String id) {
    return inTransaction("rotate a token", c -> {
      Optional<TokenInfo> old = token(c, id).filter(t -> t.revokedAt().isEmpty()
          && t.expiresAt().isAfter(clock.instant()));
      if (old.isEmpty() || !revoke(c, id)) {
        return Optional.empty();
      }
      Duration validity = Duration.between(old.get().createdAt(), old.get().expiresAt());
      return Optional.of(insertToken(c, old.get().principal(), old.get().kind(), validity));
    });
  }

  /** @return false if the token is unknown or was already revoked */
  public boolean revoke(String id) {
    return inTransaction("revoke a token", c -> revoke(c, id));
  }

  /** Makes {@code meters} the party's whole set of authorised meters. */
  public void replaceMeters(String party, Collection<String> meters) {
    inTransaction("replace a party's meters", c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM api_party_meter WHERE party = ?")) {
        delete.setString(1, party);
        delete.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_party_meter (party, meter_id) VALUES (?, ?)")) {
        for (String meter : new TreeSet<>(meters)) {
          insert.setString(1, party);
          insert.setString(2, meter);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  public Set<String> meters(String party) {
    return inTransaction("list a party's meters", c -> {
      Set<String> all = new TreeSet<>();
      try (PreparedStatement q = c.prepareStatement("SELECT meter_id FROM api_party_meter WHERE party = ?")) {
        q.setString(1, party);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            all.add(rs.getString(1));
          }
        }
      }
      return all;
    });
  }

  /** The first of {@code meters} the party is not authorised for, if any. */
  public Optional<String> firstForeign(String party, Collection<String> meters) {
    return inTransaction("check a party's meters", c -> {
      try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM api_party_meter WHERE party = ? AND meter_id = ?")) {
        for (String meter : meters) {
          q.setString(1, party);
          q.setString(2, meter);
          try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
              return Optional.of(meter);
            }
          }
        }
      }
      return Optional.empty();
    });
  }

  private static final String PRINCIPAL =
      "SELECT name, role_name, password_hash, disabled, curtailed_reason, created_at FROM api_principal";
  private static final String TOKEN =
      "SELECT id, principal, kind, created_at, expires_at, revoked_at FROM api_token";

  private static Optional<StoredPrincipal> principal(Connection c, String name) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(PRINCIPAL + " WHERE name = ?")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(principal(rs)) : Optional.empty();
      }
    }
  }

  private static StoredPrincipal principal(ResultSet rs) throws SQLException {
    return new StoredPrincipal(rs.getString(1), Role.valueOf(rs.getString(2)), Optional.ofNullable(rs.getString(3)),
        rs.getBoolean(4), Optional.ofNullable(rs.getString(5)), instant(rs, 6));
  }

  private static Optional<TokenInfo> token(Connection c, String id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(TOKEN + " WHERE id = ?")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(token(rs)) : Optional.empty();
      }
    }
  }

  private static TokenInfo token(ResultSet rs) throws SQLException {
    return new TokenInfo(rs.getString(1), rs.getString(2), TokenKind.valueOf(rs.getString(3)), instant(rs, 4),
        instant(rs, 5), Optional.ofNullable(rs.getObject(6, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC)));
  }

  private IssuedToken insertToken(Connection c, String principal, TokenKind kind, Duration validity)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    String token = Secrets.newToken();
    Instant now = clock.instant();
    Instant expires = now.plus(validity);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_token"
        + " (id, principal, kind, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, principal);
      insert.setString(3, kind.name());
      insert.setString(4, Secrets.tokenHash(token));
      insert.setObject(5, utc(now));
      insert.setObject(6, utc(expires));
      insert.executeUpdate();
    }
    return new IssuedToken(id, principal, kind, token, expires);
  }

  private boolean revoke(Connection c, String id) throws SQLException {
    try (PreparedStatement up = c.prepareStatement(
        "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      up.setObject(1, utc(clock.instant()));
      up.setString(2, id);
      return up.executeUpdate() > 0;
    }
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T inTransaction(String what, Work<T> work) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreFailure(what, e);
    }
  }
}
