package org.adcs.headend.api.data;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.headend.config.SettingReader;
import org.adcs.mdm.mailbox.MailboxStore;
import org.adcs.mdm.billing.BillingCycle;
import org.adcs.mdm.billing.BillingSchema;
import org.adcs.mdm.billing.BillingStore;
import org.adcs.mdm.market.BillingPeriods;
import org.adcs.mdm.market.CassandraMarketStore;
import org.adcs.mdm.market.DailyDelivery;
import org.adcs.mdm.market.DeliverySchedule;
import org.adcs.mdm.market.MarketResends;
import org.adcs.mdm.market.MarketSchema;
import org.adcs.mdm.market.StoredMarketMailbox;
import org.adcs.mdm.market.StoredPostedData;
import org.adcs.mdm.masterdata.MasterDataStore;
import org.adcs.mdm.store.MdmStore;
import org.adcs.mdm.store.StoreSchema;

/**
 * Market delivery on one node (R-MD-5): the daily files of the configured parties, written into their
 * mailboxes by a cluster singleton, and the operators' routes. Each party is the billing agent named in
 * master data and collects as the API principal of the same name; resends on request (R-VEE-3).
 */
public final class MarketApi {

  private MarketApi() {}

  /** After the MDM store (its mailbox tables included) and master data have started. */
  public static Route start(ActorSystem<?> system, MdmStore store, String keyspace, MasterDataStore masterData,
      com.typesafe.config.Config config, ZoneOffset meterStandardTime, ObjectMapper json, Clock clock) {
    MarketSettings settings = MarketSettings.from(new SettingReader(config));
    MarketSchema.create(store.db().session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    // Resends read billing cycles; their tables may not exist yet (billing starts after market).
    BillingSchema.create(store.db().session(), keyspace, StoreSchema.DEFAULT_RETENTION);
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    var marketStore = new CassandraMarketStore(store.db(), keyspace);
    var posted = new StoredPostedData(masterData, store.intervals(), store.registers(),
        meterStandardTime, settings.lookbackDays());
    var mailbox = new StoredMarketMailbox(new MailboxStore(store.db(), keyspace));
    var delivery = new DailyDelivery(settings.parties(),
        new DeliverySchedule(settings.deliveryTime(), meterStandardTime, settings.maxCatchUp()), settings.sender(),
        posted, marketStore, mailbox, clock);
    var runner = new MarketRunner(delivery, blocking).start(system, settings.check());
    var resends = new MarketResends(settings.parties(), settings.sender(), meterStandardTime, marketStore, posted,
        cycleDays(new BillingStore(store.db(), keyspace)), mailbox, clock);
    return new MarketRoutes(runner, delivery, marketStore, settings, system.scheduler(), json, new Problems(json),
        blocking, clock).routes()
        .orElse(new MarketResendRoutes(resends, json, new Problems(json), blocking).routes());
  }

  /**
   * A service point's billing cycle day for resends: of the cycle of the party (as billing agent) that
   * lists it, else of any cycle that lists it; none gives calendar months (see BillingPeriods).
   */
  private static BillingPeriods.CycleDays cycleDays(BillingStore billing) {
    return (party, sdp) -> {
      List<BillingCycle> cycles = billing.cycles().toCompletableFuture().join().stream()
          .filter(c -> c.servicePoints().contains(sdp)).toList();
      return cycles.stream().filter(c -> c.billingAgent().equals(party)).findFirst()
          .or(() -> cycles.stream().findFirst()).map(c -> OptionalInt.of(c.dayOfMonth())).orElse(OptionalInt.empty());
    };
  }
}
