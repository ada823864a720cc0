package org.adcs.headend.scheduling;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import java.time.Clock;
import java.time.ZoneOffset;
import org.adcs.headend.bridge.ProjectionOffsets;
import org.adcs.headend.journal.JournalSettings;
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

  private Scheduling(SchedulerConfig config, ScheduleReadSide readSide) {
    this.config = config;
    this.readGroups = new StoreReadGroupReadSide(readSide.queries(), config.settings().window(), config.grid().standardOffset());
    this.completeness = new StoreCompletenessReadSide(readSide.queries(), config.grid());
    this.nonDefaultSchedules = new StoreNonDefaultScheduleReadSide(readSide.queries());
  }

  /**
   * @param meterStandardTime the meters' standard time the entities record data in; the scheduler's
   *     grid must use the same offset, or days would be cut in different places
   */
  public static Scheduling start(ActorSystem<?> system, BoundedSession db, String keyspace, JournalSettings journal,
      ZoneOffset meterStandardTime, Clock clock) {
    SchedulerConfig config = SchedulerConfig.from(system.settings().config());
    if (!config.grid().standardOffset().equals(meterStandardTime)) {
      throw new IllegalArgumentException("adcs.scheduler.standard-offset (" + config.grid().standardOffset()
          + ") differs from adcs.meters.standard-time (" + meterStandardTime + "): set both to the meters' standard time");
    }
    ScheduleReadSide readSide = ScheduleReadSide.open(db, keyspace);
    var blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    SchedulingProjection.init(system, new ScheduleEventFeed(readSide.writer(), meterStandardTime),
        new ProjectionOffsets(journal, blocking, clock));
    log.info("scheduling read side projection started: {} slices", org.adcs.headend.meter.Meter.TAG_SLICES);
    return new Scheduling(config, readSide);
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
}
