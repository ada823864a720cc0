package org.adcs.mdm.readside;

import org.adcs.mdm.store.BoundedSession;

/** The scheduling read side over one bounded session, its tables created on open. */
public record ScheduleReadSide(ScheduleReadSideWriter writer, ScheduleReadSideQueries queries, SchedulerRecordStore records,
    MassReadJobStore massReads) {

  public static ScheduleReadSide open(BoundedSession db, String keyspace) {
    ScheduleReadSideSchema.create(db.session(), keyspace);
    return new ScheduleReadSide(new ScheduleReadSideWriter(db, keyspace), new ScheduleReadSideQueries(db, keyspace),
        new SchedulerRecordStore(db, keyspace), new MassReadJobStore(db, keyspace));
  }
}
