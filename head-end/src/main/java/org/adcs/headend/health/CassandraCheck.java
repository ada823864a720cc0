package org.adcs.headend.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.StoreConnection;

/** The MDM store answers a CQL query; reports the Cassandra release and where it is. */
public final class CassandraCheck implements ReadinessCheck {

  private final StoreConnection store;

  public CassandraCheck(StoreConnection store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public CompletionStage<CheckResult> check() {
    return store.releaseVersion().handle((version, error) -> {
      if (error != null) {
        return CheckResult.down(Readiness.rootMessage(error));
      }
      Map<String, String> details = new LinkedHashMap<>();
      details.put("version", version);
      details.put("mode", store.settings().mode().name().toLowerCase(java.util.Locale.ROOT));
      details.put("contactPoints", store.settings().effectiveContactPoints().toString());
      details.put("keyspace", store.settings().keyspace());
      return CheckResult.up(details);
    });
  }
}
