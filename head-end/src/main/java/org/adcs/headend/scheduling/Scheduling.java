package org.adcs.headend.scheduling;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import java.time.Clock;
import java.time.ZoneOffset;
import org.adcs.headend.bridge.ProjectionOffsets;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import org.adcs.headend.journal.JournalSettings;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.mdm.readside.ScheduleReadSide;
import org.adcs.mdm.store.BoundedSession;
import org.adcs.scheduler.SchedulerConfig;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.NonDefaultScheduleReadSide;
import org.adcs.scheduler.readside.ReadGroupReadSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the collection scheduler into a head-end node: its read side in the store, fed by its own
 * projection of the meter entities' journal, and read back through the scheduler's interfaces.
 */
public final class Scheduling {

  private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

  private final SchedulerConfig config;
  private final ReadGroupReadSide readGroups;
  private final CompletenessReadSide completeness;
  private final NonDefaultScheduleReadSide nonDefaultSchedules;
  private final StoreRunRecords records;
  private final StoreMissingDataHistory history;
  private final RecentOperatorAlerts alerts;
  private final MeterDirectory directory;
  private SchedulerSingletons actors;

  private Scheduling(SchedulerConfig config, ScheduleReadSide readSide, Clock clock, int recentAlerts) {
    this.config = config;
    this.readGroups = new StoreReadGroupReadSide(readSide.queries(), config.settings().window(), config.grid().standardOffset());
    this.completeness = new StoreCompletenessReadSide(readSide.queries(), config.grid());
    this.nonDefaultSchedules = new StoreNonDefaultScheduleReadSide(readSide.queries());
    this.records = new StoreRunRecords(readSide.records(), clock);
    this.history = new StoreMissingDataHistory(readSide.records());
    this.alerts = new RecentOperatorAlerts(recentAlerts);
    this.directory = readSide.queries()::metersInServiceStartingWith;
  }

  /** @param meterStandardTime the meters' standard time the entities record data in; the scheduler uses it too */
  public static Scheduling start(ActorSystem<?> system, BoundedSession db, String keyspace, JournalSettings journal,
      MeterSharding meters, ZoneOffset meterStandardTime, Clock clock) {
    // The meters' standard time (adcs.meters.standard-time) is the one truth: the scheduler cuts days
    // where the entities and the store do (R-COL-6).
    Config root = system.settings().config().withValue("adcs.scheduler.standard-offset",
        ConfigValueFactory.fromAnyRef(meterStandardTime.getId()));
    SchedulerConfig config = SchedulerConfig.from(root);
    var timeouts = new EntityMeterPort.Timeouts(root.getDuration("adcs.scheduling.command-timeout"),
        root.getDuration("adcs.scheduling.schedule-ack-timeout"), root.getDuration("adcs.scheduling.read-timeout"));
    ScheduleReadSide readSide = ScheduleReadSide.open(db, keyspace);
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    Scheduling scheduling = new Scheduling(config, readSide, clock, root.getInt("adcs.scheduling.recent-alerts"));
    SchedulingProjection.init(system, new ScheduleEventFeed(readSide.writer(), meterStandardTime, scheduling.alerts.notices()),
        ProjectionOffsets.pooled(system, journal, blocking, clock));
    MeterPort port = new EntityMeterPort(meters, config.settings().window(), config.grid(), clock, timeouts);
    scheduling.actors = SchedulerSingletons.start(system, config, new SchedulerSingletons.Parts(scheduling.readGroups,
        scheduling.completeness, scheduling.nonDefaultSchedules, scheduling.history, scheduling.alerts, scheduling.records, port,
        new StoreMassReadLedger(readSide.massReads(), clock)), clock,
        root.getDuration("adcs.scheduling.clock-check-every"));
    log.info("collection scheduler started: read side projection over {} slices; assignment at {}, completeness at {},"
        + " rebalancing {} at {} (standard time {})", Meter.TAG_SLICES, config.settings().assignmentAt(),
        config.settings().completenessAt(), config.settings().rebalanceDay(), config.settings().rebalanceAt(), meterStandardTime);
    return scheduling;
  }

  public SchedulerSingletons actors() {
    return actors;
  }

  public StoreRunRecords records() {
    return records;
  }

  public StoreMissingDataHistory history() {
    return history;
  }

  public RecentOperatorAlerts alerts() {
    return alerts;
  }

  public SchedulerConfig config() {
    return config;
  }

  public ReadGroupReadSide readGroups() {
    return readGroups;
  }

  public CompletenessReadSide completeness() {
    return completeness;
  }

  public NonDefaultScheduleReadSide nonDefaultSchedules() {
    return nonDefaultSchedules;
  }

  /** The meters in service by id prefix, from the read side's ordered table. */
  public MeterDirectory directory() {
    return directory;
  }
}
