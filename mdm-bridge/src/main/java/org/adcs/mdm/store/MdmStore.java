package org.adcs.mdm.store;

import java.time.Duration;

/** The MDM store's parts over one bounded session, with the schema created on open. */
public record MdmStore(
    BoundedSession db, IntervalStore intervals, RegisterStore registers, EventStore events,
    CompletenessStore completeness) {

  public static MdmStore open(StoreConnection connection, int maxInFlight, Duration retention) {
    return open(connection, maxInFlight, retention, java.time.ZoneOffset.UTC);
  }

  /** @param standardTime the meters' standard time, whose days the timeliness deadlines end (R-VEE-4) */
  public static MdmStore open(StoreConnection connection, int maxInFlight, Duration retention, java.time.ZoneOffset standardTime) {
    String keyspace = connection.settings().keyspace();
    StoreSchema.create(connection.session(), keyspace, retention);
    org.adcs.mdm.routing.RoutingSchema.create(connection.session(), keyspace, retention);
    org.adcs.mdm.masterdata.CassandraMasterDataStore.create(connection.session(), keyspace);
    org.adcs.mdm.specialread.SpecialReadStore.create(connection.session(), keyspace, retention);
    BoundedSession db = new BoundedSession(connection.session(), maxInFlight);
    return new MdmStore(db, new IntervalStore(db, keyspace), new RegisterStore(db, keyspace),
        new EventStore(db, keyspace), new CompletenessStore(db, keyspace, standardTime));
  }
}
