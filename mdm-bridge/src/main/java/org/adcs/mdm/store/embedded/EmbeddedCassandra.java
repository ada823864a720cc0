package org.adcs.mdm.store.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.store.CassandraSettings;
import org.adcs.mdm.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Cassandra, run as a child JVM from the jars that
 * {@code mdm-bridge/cassandra-node} resolves. Used by the run command and by integration tests;
 * production points {@code adcs.cassandra.mode} at an external cluster instead.
 *
 * <p>The node never outlives its parent: {@link #close()} (also from a shutdown hook) stops it,
 * the child stops itself when the parent's end of its stdin pipe closes (see
 * {@link ParentWatchdog}), and a PID file lets the next start remove a node left over anyway.
 */
public final class EmbeddedCassandra implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCassandra.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final CassandraSettings.Embedded node;
  private final NodeLayout layout;
  private final Process process;
  private final Thread shutdownHook;
  private volatile boolean closed;

  private EmbeddedCassandra(CassandraSettings.Embedded node, NodeLayout layout, Process process) {
    this.node = node;
    this.layout = layout;
    this.process = process;
    this.shutdownHook = new Thread(this::stopProcess, "adcs-embedded-cassandra-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the node's JVM and returns at once; {@link #awaitCql()} waits until it serves CQL.
   *
   * @throws StoreUnavailableException with an operator-facing message when it cannot be started
   */
  public static EmbeddedCassandra launch(CassandraSettings.Embedded node) {
    checkLibDirectory(node.libDirectory());
    CassandraJava.executable(node.javaHome());
    NodeLayout layout = new NodeLayout(node.nodeDirectory());
    try {
      Files.createDirectories(layout.root());
      LeftoverNode.removeIfPresent(layout);
      ensurePortFree(node.listenAddress(), node.cqlPort(), "adcs.cassandra.embedded.cql-port");
      ensurePortFree(node.listenAddress(), node.storagePort(), "adcs.cassandra.embedded.storage-port");
      NodeConfiguration.write(layout, node);
      installWatchdog(layout);
      List<String> command = CassandraJvmOptions.command(CassandraJava.executable(node.javaHome()), layout, node);
      Process process = new ProcessBuilder(command)
          .directory(layout.root().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.consoleLog().toFile()))
          .start();
      LeftoverNode.writePid(layout, process.pid());
      log.info("embedded Cassandra starting: pid={} cql={}:{} dir={} log={}", process.pid(),
          node.listenAddress(), node.cqlPort(), layout.root(), layout.systemLog());
      return new EmbeddedCassandra(node, layout, process);
    } catch (IOException e) {
      throw new StoreUnavailableException("Cannot prepare the embedded Cassandra node in " + layout.root()
          + " (" + e.getMessage() + "): check adcs.cassandra.embedded.directory is writable and the disk has space", e);
    }
  }

  /** Starts the node and waits until its CQL port answers. */
  public static EmbeddedCassandra start(CassandraSettings.Embedded node) {
    EmbeddedCassandra cassandra = launch(node);
    try {
      cassandra.awaitCql();
      return cassandra;
    } catch (RuntimeException e) {
      cassandra.close();
      throw e;
    }
  }

  /**
   * Waits until the node accepts CQL connections, at most the configured start timeout.
   *
   * @throws StoreUnavailableException when the node dies or does not answer in time
   */
  public void awaitCql() {
    Instant started = Instant.now();
    Instant deadline = started.plus(node.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new StoreUnavailableException("The embedded Cassandra node exited with code " + process.exitValue()
            + " during start-up: see " + lastLogLine().orElse("its logs") + " in " + layout.logs());
      }
      if (portAnswers(node.listenAddress(), node.cqlPort())) {
        log.info("embedded Cassandra ready: cql={}:{} after {} ms", node.listenAddress(), node.cqlPort(),
            Duration.between(started, Instant.now()).toMillis());
        return;
      }
      sleep(POLL);
    }
    throw new StoreUnavailableException("The embedded Cassandra node did not answer CQL on " + node.listenAddress()
        + ":" + node.cqlPort() + " within " + node.startTimeout().toSeconds()
        + " s: raise adcs.cassandra.embedded.start-timeout on a slow machine, or see " + layout.systemLog());
  }

  /**
   * For an owner that stops the node itself, in order, from its own shutdown hook: JVM hooks run
   * concurrently, so the node's own hook would stop it while the owner still uses it. The stdin
   * watchdog still stops the node if the owner dies without closing it.
   */
  public void leaveShutdownToOwner() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Already shutting down: the hook runs anyway.
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public InetSocketAddress cqlAddress() {
    return new InetSocketAddress(node.listenAddress(), node.cqlPort());
  }

  public Path directory() {
    return layout.root();
  }

  public Path systemLog() {
    return layout.systemLog();
  }

  /** Stops the node (SIGTERM, then SIGKILL after the stop timeout) and waits for it. */
  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from another shutdown hook: ours runs (or ran) anyway.
    }
  }

  private synchronized void stopProcess() {
    if (closed) {
      return;
    }
    closed = true;
    if (process.isAlive()) {
      log.info("stopping embedded Cassandra pid={}", process.pid());
      process.destroy();
      try {
        if (!process.waitFor(node.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("embedded Cassandra pid={} did not stop within {} s, killing it", process.pid(),
              node.stopTimeout().toSeconds());
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    LeftoverNode.deletePid(layout);
    log.info("embedded Cassandra stopped");
  }

  private Optional<String> lastLogLine() {
    for (Path file : List.of(layout.consoleLog(), layout.systemLog())) {
      try {
        if (Files.exists(file)) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.contains("ERROR") || line.contains("Exception") || line.contains("Error:")) {
              return Optional.of("\"" + line + "\" (" + file.getFileName() + ")");
            }
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // Unreadable log: fall back to pointing at the directory.
      }
    }
    return Optional.empty();
  }

  private static void checkLibDirectory(Path lib) {
    String fix = "build it with 'mvn -pl mdm-bridge/cassandra-node package' (the run command does this),"
        + " set adcs.cassandra.embedded.lib-dir / ADCS_CASSANDRA_EMBEDDED_LIB_DIR to its target/lib,"
        + " or use an external cluster with adcs.cassandra.mode=external";
    if (lib == null) {
      throw new StoreUnavailableException("adcs.cassandra.embedded.lib-dir is not set: " + fix);
    }
    if (!Files.isDirectory(lib)) {
      throw new StoreUnavailableException("The embedded Cassandra jars are missing at " + lib + ": " + fix);
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "cassandra-all-*.jar")) {
      if (!jars.iterator().hasNext()) {
        throw new StoreUnavailableException("No cassandra-all jar in " + lib + ": " + fix);
      }
    } catch (IOException e) {
      throw new StoreUnavailableException("Cannot read " + lib + " (" + e.getMessage() + "): " + fix, e);
    }
  }

  private static void installWatchdog(NodeLayout layout) throws IOException {
    String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
    Path target = layout.watchdogClasses().resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("class file " + resource + " not found on the classpath");
      }
      Files.write(target, in.readAllBytes());
    }
  }

  static void ensurePortFree(String address, int port, String setting) {
    if (portAnswers(address, port)) {
      throw new StoreUnavailableException("Port " + port + " on " + address + " is already in use (" + setting
          + "): stop the process holding it (another ADCS or Cassandra?) or choose another port");
    }
  }

  static boolean portAnswers(String address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("Interrupted while waiting for the embedded Cassandra node", e);
    }
  }
}
