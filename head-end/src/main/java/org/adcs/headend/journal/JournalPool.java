package org.adcs.headend.journal;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.persistence.jdbc.query.dao.DefaultReadJournalDao;
import akka.persistence.jdbc.query.scaladsl.JdbcReadJournal;
import akka.persistence.query.PersistenceQuery;
import java.sql.Connection;

/**
 * Connections from the journal plugin's own pool (one pool for journal, snapshots and read journal,
 * sized by adcs.journal.max-connections), for the head-end's other work on the journal database:
 * projection reads and offsets, so a poll every 100 ms does not open a connection each time.
 */
public final class JournalPool {

  private JournalPool() {}

  /** Opens a pooled connection; closing it returns it to the pool. */
  public interface Connections {
    Connection open() throws java.sql.SQLException;
  }

  public static Connections of(ActorSystem<?> system) {
    JdbcReadJournal readJournal = PersistenceQuery.get(Adapter.toClassic(system))
        .<JdbcReadJournal>readJournalFor(JdbcReadJournal.Identifier());
    slick.jdbc.JdbcDataSource source = ((DefaultReadJournalDao) readJournal.readJournalDao()).db().source();
    return source::createConnection;
  }
}
