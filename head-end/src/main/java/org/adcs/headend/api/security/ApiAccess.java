package org.adcs.headend.api.security;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.http.javadsl.server.Directives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.adcs.headend.StartupFailure;
import org.adcs.headend.api.Problems;
import org.adcs.headend.journal.JournalSettings;

/**
 * The API's security on one node: its store in the journal database (a small connection pool of its
 * own), the audit log, the first administrator, the {@link ApiSecurity} wrapper and the routes for
 * login, administration and the audit log.
 */
public final class ApiAccess implements AutoCloseable {

  private final HikariDataSource pool;
  private final AuditLog audit;
  private final ApiSecurity security;
  private final SecurityStore store;
  private final Route routes;

  private ApiAccess(HikariDataSource pool, AuditLog audit, ApiSecurity security, SecurityStore store, Route routes) {
    this.pool = pool;
    this.store = store;
    this.audit = audit;
    this.security = security;
    this.routes = routes;
  }

  /** After the journal schema is migrated. */
  public static ApiAccess start(ActorSystem<?> system, JournalSettings journal, SecuritySettings settings,
      ObjectMapper json, Clock clock) {
    HikariDataSource pool = pool(journal);
    try {
      SecurityStore store = new SecurityStore(pool, clock);
      BootstrapAdmin.ensure(store, settings);
      Executor executor = system.dispatchers().lookup(DispatcherSelector.blocking());
      Problems problems = new Problems(json);
      Blocking blocking = new Blocking(executor);
      AuditLog audit = new AuditLog(pool, settings.auditBuffer(), settings.auditRetention(), clock);
      ApiSecurity security = new ApiSecurity(store, audit, settings, executor, problems, clock);
      Route routes = Directives.concat(
          new AuthRoutes(store, settings, security, json, problems, blocking).routes(),
          new AdminRoutes(store, settings, security, json, problems, blocking).routes(),
          new AuditRoutes(audit, json, problems, blocking, clock).routes());
      return new ApiAccess(pool, audit, security, store, routes);
    } catch (SecurityStore.StoreFailure | IllegalStateException e) {
      pool.close();
      throw new StartupFailure("API security could not start: " + e.getMessage(), e);
    }
  }

  private static HikariDataSource pool(JournalSettings journal) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("api-security");
    config.setJdbcUrl(journal.url());
    config.setUsername(journal.user());
    config.setPassword(journal.password());
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(1000, journal.connectTimeout().toMillis()));
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  /** Where accesses are recorded, for deliveries made without a request (extracts). */
  public AuditLog audit() {
    return audit;
  }

  /** Principals and the meters each third party is authorised for. */
  public SecurityStore store() {
    return store;
  }

  /** Every route of the API, these included, behind authentication, authorisation and the audit. */
  public Route protect(Route apiRoutes) {
    return security.protect(Directives.concat(routes, apiRoutes));
  }

  /** Stores the buffered audit records, then closes the pool. */
  @Override
  public void close() {
    audit.close();
    pool.close();
  }
}
