package org.adcs.headend.api.billing;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import org.adcs.headend.config.SettingReader;
import org.adcs.mdm.billing.BillingQuantities;
import org.adcs.mdm.billing.BillingSchema;
import org.adcs.mdm.billing.BillingService;
import org.adcs.mdm.billing.BillingStore;
import org.adcs.mdm.billing.CassandraMeterData;
import org.adcs.mdm.mailbox.MailboxSchema;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.masterdata.MasterDataStore;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreSchema;

/** Billing quantities on one node (R-MD-4): its tables, the cycle schedule (a singleton) and its routes. */
public final class BillingApi {

  /** One store call of a billing computation waits at most this long. */
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

  private BillingApi() {}

  /** After the MDM store has started; the routes. */
  public static Route start(ActorSystem<?> system, MdmStore store, String keyspace, MasterDataStore masterData,
      com.typesafe.config.Config config, ZoneOffset meterStandardTime, ObjectMapper json, Clock clock) {
    BillingConfig settings = BillingConfig.from(new SettingReader(config), meterStandardTime);
    MailboxSchema.create(store.db().session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    BillingSchema.create(store.db().session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    var zone = settings.settings().calendar().zone();
    BillingService billing = new BillingService(new BillingQuantities(settings.settings(),
        new CassandraMeterData(store.intervals(), store.registers(), STORE_TIMEOUT)), masterData,
        new BillingStore(store.db(), keyspace), new MailboxStore(store.db(), keyspace), zone, clock, STORE_TIMEOUT);
    BillingSchedule.start(system, billing, blocking, settings.cycleCheck());
    return new BillingRoutes(billing, json, blocking, zone, clock).routes();
  }
}
