package org.adcs.headend.api.reports;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Scheduler;
import java.time.Clock;
import java.time.ZoneOffset;
import org.adcs.headend.scheduling.StoreRunRecords;
import org.adcs.mdm.report.DeliveryScan;
import org.adcs.mdm.report.UptimeStore;
import org.adcs.scheduler.trouble.TroubleDesk;

/**
 * Where the reports come from: the scheduler's stored run reports and its trouble desk, the store's
 * completeness rows and the nodes' uptime.
 *
 * @param dataClock    the head-end's clock (the simulation's in tests): which timeliness deadlines are behind
 * @param systemClock  real time, which the uptime minutes are recorded in
 * @param standardTime the meters' standard time, whose days the reports name
 */
public record ReportSources(StoreRunRecords runs, ActorRef<TroubleDesk.Command> troubleDesk, Scheduler scheduler,
    DeliveryScan deliveries, UptimeStore uptime, Clock dataClock, Clock systemClock, ZoneOffset standardTime) {}
