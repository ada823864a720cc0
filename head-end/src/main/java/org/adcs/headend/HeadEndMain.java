package org.adcs.headend;

import java.util.concurrent.CompletableFuture;
import org.adcs.headend.config.HeadEndSettings;
import org.adcs.headend.config.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The head-end process: start everything, print where to look, stop everything on Ctrl-C. */
public final class HeadEndMain {

  private static final Logger log = LoggerFactory.getLogger(HeadEndMain.class);

  private HeadEndMain() {}

  public static void main(String[] args) {
    HeadEnd headEnd;
    DevelopmentFleet fleet = null;
    try {
      HeadEndSettings settings = HeadEndSettings.from(HeadEndSettings.loadConfig(System.getenv()));
      headEnd = HeadEnd.start(settings);
      int fleetSize = new org.adcs.headend.config.SettingReader(settings.config())
          .integer("adcs.dev-fleet.size", 0, 10_000);
      if (fleetSize > 0) {
        try {
          fleet = DevelopmentFleet.start(settings, headEnd, fleetSize,
              settings.config().getLong("adcs.dev-fleet.seed"));
        } catch (RuntimeException e) {
          headEnd.close();
          throw e;
        }
      }
    } catch (InvalidSettingException | StartupFailure e) {
      log.debug("start-up failed", e);
      System.err.println("adcs: cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    DevelopmentFleet devFleet = fleet;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (devFleet != null) {
        devFleet.close();
      }
      headEnd.close();
      stopped.complete(null);
    }, "adcs-shutdown"));
    headEnd.system().getWhenTerminated().thenRun(() -> {
      if (!headEnd.isClosing()) {
        log.error("the actor system stopped on its own (removed from the cluster?); stopping the head-end");
        System.exit(1);
      }
    });
    System.out.println(StartupBanner.render(headEnd, devFleet == null ? 0 : devFleet.size(),
        devFleet == null ? null : devFleet.firstMeter()));
    stopped.join();
  }
}
