package org.adcs.mdm.store.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PID file left by a killed run: only a process running our daemon class is stopped. */
class LeftoverNodeTest {

  @TempDir
  Path dir;

  @Test
  void leftoverDaemonIsStoppedAndThePidFileRemoved() throws Exception {
    // A stand-in JVM whose command line names the daemon class, as a real leftover node's does.
    Process leftover = sleeperJvm(CassandraJvmOptions.DAEMON_CLASS);
    NodeLayout layout = new NodeLayout(dir);
    LeftoverNode.writePid(layout, leftover.pid());

    LeftoverNode.removeIfPresent(layout);

    assertTrue(leftover.waitFor(30, TimeUnit.SECONDS), "the leftover node must be stopped");
    assertFalse(Files.exists(layout.pidFile()));
  }

  @Test
  void unrelatedProcessWithAReusedPidIsLeftAlone() throws Exception {
    Process unrelated = sleeperJvm("something-else");
    try {
      NodeLayout layout = new NodeLayout(dir);
      LeftoverNode.writePid(layout, unrelated.pid());

      LeftoverNode.removeIfPresent(layout);

      assertTrue(unrelated.isAlive());
      assertFalse(Files.exists(layout.pidFile()));
    } finally {
      unrelated.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void garbledPidFileIsRemoved() throws Exception {
    NodeLayout layout = new NodeLayout(dir);
    Files.writeString(layout.pidFile(), "not a pid");
    LeftoverNode.removeIfPresent(layout);
    assertFalse(Files.exists(layout.pidFile()));
  }

  /** A JVM that reads stdin until it closes; its last argument is only there to be seen. */
  private static Process sleeperJvm(String marker) throws Exception {
    Path source = Files.createTempFile("Sleeper", ".java");
    Files.writeString(source, "public class Sleeper { public static void main(String[] a) throws Exception {"
        + " Thread.currentThread().join(); } }");
    return new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString(), marker))
        .start();
  }
}
