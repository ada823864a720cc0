package org.adcs.mdm.store.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.store.testing.NodeParentMain;
import org.junit.jupiter.api.Test;

/** A parent killed with SIGKILL runs no shutdown hook; its Cassandra node must still go away. */
class ParentKilledIT {

  @Test
  void nodeStopsItselfWhenItsParentIsKilled() throws Exception {
    Path dir = Path.of("target", "cassandra-it", "orphan-" + System.nanoTime()).toAbsolutePath();
    Process parent = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dadcs.cassandra.embedded.lib-dir=" + System.getProperty("adcs.cassandra.embedded.lib-dir"),
        "-cp", System.getProperty("java.class.path"),
        NodeParentMain.class.getName(), dir.toString()))
        .redirectErrorStream(true)
        .start();
    long nodePid = readNodePid(parent);
    ProcessHandle node = ProcessHandle.of(nodePid).orElseThrow();
    assertTrue(node.isAlive());

    parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
    assertTrue(parent.waitFor(10, TimeUnit.SECONDS));

    Optional<ProcessHandle> stillThere = ProcessHandle.of(nodePid);
    if (stillThere.isPresent()) {
      stillThere.get().onExit().get(60, TimeUnit.SECONDS);
    }
    assertFalse(node.isAlive(), "the orphaned Cassandra node must stop by itself");
  }

  private static long readNodePid(Process parent) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("NODE_PID=")) {
        return Long.parseLong(line.substring("NODE_PID=".length()));
      }
      seen.append(line).append('\n');
    }
    assertNotNull(line, "the parent exited before it started a node; it printed:\n" + seen);
    throw new AssertionError("unreachable");
  }
}
