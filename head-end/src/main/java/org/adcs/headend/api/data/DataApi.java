package org.adcs.headend.api.data;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.http.javadsl.server.Directives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.headend.api.security.ApiAccess;
import org.adcs.headend.config.SettingReader;
import org.adcs.mdm.mailbox.ExtractStore;
import org.adcs.mdm.mailbox.MailboxSchema;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.mailbox.PartyUsage;
import org.adcs.mdm.query.ReadingQueries;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreSchema;

/**
 * Data retrieval and third-party access on one node (R-DAT-1, R-DAT-2, R-DAT-4): readings in three
 * formats, mailboxes, extracts (run by a cluster singleton) and the parties' network usage.
 */
public final class DataApi {

  private final Route routes;
  private final NetworkUsage usage;

  private DataApi(Route routes, NetworkUsage usage) {
    this.routes = routes;
    this.usage = usage;
  }

  /** After the MDM store and the API's security have started. */
  public static DataApi start(ActorSystem<?> system, MdmStore store, String keyspace, ApiAccess access,
      com.typesafe.config.Config config, ZoneOffset meterStandardTime, ObjectMapper json, Clock clock) {
    DataSettings settings = DataSettings.from(new SettingReader(config));
    MailboxSchema.create(store.db().session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    Problems problems = new Problems(json);
    MailboxDelivery mailbox = new MailboxDelivery(new MailboxStore(store.db(), keyspace), system, clock);
    ReadingDispatch dispatch = new ReadingDispatch(new ReadingExport(new ReadingQueries(store.intervals()), json,
        meterStandardTime), mailbox, access.audit(), blocking);
    ExtractStore extracts = new ExtractStore(store.db(), keyspace);
    var runner = new ExtractRunner(extracts, access.store(), dispatch, blocking, clock, settings.periodicRunAt())
        .start(system, settings.extractCheck());
    NetworkUsage usage = new NetworkUsage(new PartyUsage(store.db(), keyspace), settings.readsPerDay(), json, problems,
        blocking, clock);
    Route routes = Directives.concat(
        new DataRoutes(dispatch, settings, json, problems, blocking, clock).routes(),
        new MailboxRoutes(mailbox, json, problems, blocking, clock).routes(),
        new ExtractRoutes(extracts, access.store(), runner, settings, meterStandardTime, json, problems, blocking,
            clock).routes(),
        usage.routes());
    return new DataApi(routes, usage);
  }

  public Route routes() {
    return routes;
  }

  /** On-demand reads, with each third party's counted against its daily limit. */
  public Route metered(Route onDemandReads) {
    return usage.metered(onDemandReads);
  }
}
