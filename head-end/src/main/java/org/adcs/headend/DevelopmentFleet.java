package org.adcs.headend;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.AcceleratedClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the run command only: a small simulated fleet (the simulator module) that dials this node's
 * meter port with the shared development password, so a newcomer sees meters connect and their
 * data arrive. Each meter pushes its previous day as soon as it has connected.
 */
final class DevelopmentFleet implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevelopmentFleet.class);

  private final Fleet fleet;
  private final EventLoopGroup group;

  private DevelopmentFleet(Fleet fleet, EventLoopGroup group) {
    this.fleet = fleet;
    this.group = group;
  }

  static DevelopmentFleet start(HeadEndSettings settings, HeadEnd headEnd, int size, long seed) {
    if (settings.meters().sharedLlsPassword().isBlank()) {
      throw new StartupFailure("adcs.dev-fleet.size is " + size + " but adcs.meters.shared-lls-password is empty: the"
          + " simulated meters need a password the head-end knows; set both (the run command does)");
    }
    // The fleet "started" yesterday, so each meter's first push carries yesterday's complete day.
    FleetTerms defaults = FleetTerms.defaults(seed, Instant.now().minus(java.time.Duration.ofDays(1)));
    FleetTerms terms = new FleetTerms(defaults.seed(), defaults.start(), settings.meters().standardTime(),
        defaults.memoryDays(), defaults.intervalMinutes(), defaults.maxDriftPpm(), defaults.solarShare(),
        settings.meters().sharedLlsPassword(), defaults.faults());
    EventLoopGroup group = new NioEventLoopGroup(1);
    Fleet fleet = new Fleet(FleetConfig.dialling(terms, size, headEnd.meterPort().address()),
        new AcceleratedClock(Instant.now(), 1.0), group);
    fleet.start(true, line -> log.info("dev fleet: {}", line));
    Thread firstPush = new Thread(() -> {
      try {
        if (fleet.awaitConnected(size, java.time.Duration.ofMinutes(2))) {
          for (int i = 0; i < fleet.size(); i++) {
            fleet.pushNow(fleet.meter(i), 0);
          }
          log.info("dev fleet: {} simulated meters connected and pushed their previous day", size);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "adcs-dev-fleet-first-push");
    firstPush.setDaemon(true);
    firstPush.start();
    return new DevelopmentFleet(fleet, group);
  }

  int size() {
    return fleet.size();
  }

  /** The first simulated meter's id at the head-end (its logical device name, with shared credentials). */
  String firstMeter() {
    return fleet.meter(0).name();
  }

  @Override
  public void close() {
    fleet.close();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }
}
