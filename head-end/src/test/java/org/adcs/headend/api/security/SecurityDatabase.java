package org.adcs.headend.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/** A private in-memory H2 database, with the API security tables of the journal schema when asked. */
final class SecurityDatabase {

  final JdbcDataSource source = new JdbcDataSource();

  SecurityDatabase() {
    source.setURL("jdbc:h2:mem:security-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
  }

  /** Applies the same migration the head-end applies to its journal database. */
  SecurityDatabase withSchema() {
    String sql;
    try (InputStream in = SecurityDatabase.class.getResourceAsStream("/db/journal/common/V3__api_security.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }
}
