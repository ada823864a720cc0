package org.adcs.headend.api.console;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.adcs.headend.alerts.OperatorNotifications;
import org.adcs.headend.api.MeterSearchRoutes;
import org.adcs.headend.scheduling.CollectionTally;
import org.adcs.headend.scheduling.Scheduling;

/** The operator console's files and the API routes made for it: the night's collection, the meter search and the notifications. */
public final class Console {

  /** How old a night's count may get before a request starts a new one. */
  static final Duration RECOUNT_AFTER = Duration.ofSeconds(3);

  private Console() {}

  public static Route routes(Scheduling scheduling, OperatorNotifications notifications, ObjectMapper json, Clock clock,
      ActorSystem<?> system) {
    CollectionTally tally = new CollectionTally(scheduling.readGroups(), scheduling.config().settings().window(),
        scheduling.config().grid().standardOffset(), clock, RECOUNT_AFTER);
    return new ConsoleRoutes(json).routes()
        .orElse(new CollectionRoutes(tally, json).routes())
        .orElse(new MeterSearchRoutes(scheduling.directory(), json).routes())
        .orElse(new AlertRoutes(notifications, json, system.dispatchers().lookup(DispatcherSelector.blocking())).routes());
  }
}
