package org.adcs.mdm.store.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PID file of an embedded node. A parent killed before it could stop its node (SIGKILL, power
 * loss of the terminal) leaves the file behind; the next start stops that node before it reuses the
 * directory, so two nodes never write the same data files.
 */
final class LeftoverNode {

  private static final Logger log = LoggerFactory.getLogger(LeftoverNode.class);

  private LeftoverNode() {}

  static void writePid(NodeLayout layout, long pid) throws IOException {
    Files.writeString(layout.pidFile(), Long.toString(pid), StandardCharsets.US_ASCII);
  }

  static void deletePid(NodeLayout layout) {
    try {
      Files.deleteIfExists(layout.pidFile());
    } catch (IOException e) {
      log.warn("could not delete {}: {}", layout.pidFile(), e.toString());
    }
  }

  static void removeIfPresent(NodeLayout layout) throws IOException {
    if (!Files.exists(layout.pidFile())) {
      return;
    }
    Optional<ProcessHandle> leftover = readPid(layout).flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(LeftoverNode::isCassandra);
    if (leftover.isPresent()) {
      ProcessHandle node = leftover.get();
      log.warn("stopping embedded Cassandra pid={} left over from an earlier run in {}", node.pid(), layout.root());
      node.destroy();
      try {
        node.onExit().get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        node.destroyForcibly();
      }
    }
    deletePid(layout);
  }

  private static Optional<Long> readPid(NodeLayout layout) throws IOException {
    try {
      return Optional.of(Long.parseLong(Files.readString(layout.pidFile(), StandardCharsets.US_ASCII).strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Only a process running our daemon class is ours to stop: PIDs get reused. */
  private static boolean isCassandra(ProcessHandle handle) {
    return handle.info().arguments()
        .map(args -> java.util.Arrays.asList(args).contains(CassandraJvmOptions.DAEMON_CLASS))
        .orElse(handle.info().commandLine().map(c -> c.contains(CassandraJvmOptions.DAEMON_CLASS)).orElse(false));
  }
}
