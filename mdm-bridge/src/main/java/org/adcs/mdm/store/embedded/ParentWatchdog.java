package org.adcs.mdm.store.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Entry point of the embedded Cassandra child JVM. It starts the real daemon and stops the JVM as
 * soon as its parent goes away, which the parent signals by its end of the stdin pipe closing -
 * also when the parent is killed with SIGKILL and its shutdown hooks never run. Cassandra's own
 * shutdown hook then drains the node.
 *
 * <p>This class is copied into the node directory and loaded there next to the Cassandra jars, so
 * it must use nothing but the JDK (no lambdas capturing other project classes, no nested classes).
 */
public final class ParentWatchdog implements Runnable {

  private ParentWatchdog() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
    }
    Thread watcher = new Thread(new ParentWatchdog(), "adcs-parent-watchdog");
    watcher.setDaemon(true);
    watcher.start();
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) rest);
  }

  @Override
  public void run() {
    InputStream in = System.in;
    byte[] buffer = new byte[64];
    try {
      while (in.read(buffer) >= 0) {
        // The parent never writes; anything read is ignored.
      }
    } catch (IOException e) {
      // A broken pipe means the same as end of stream: the parent is gone.
    }
    System.err.println("adcs: parent process gone, stopping the embedded Cassandra node");
    System.exit(0);
  }
}
