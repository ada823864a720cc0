package org.adcs.mdm.store.embedded;

import java.util.ArrayList;
import java.util.List;
import org.adcs.mdm.store.CassandraSettings;

/**
 * The child JVM's command line. The module flags are those of Cassandra's own
 * {@code conf/jvm17-server.options}: without them Cassandra 5 on Java 17 dies at once ("unable to
 * access required classes ... DirectBuffer.cleaner").
 */
final class CassandraJvmOptions {

  static final String DAEMON_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  private static final List<String> EXPORTS = List.of(
      "java.base/jdk.internal.misc",
      "java.management.rmi/com.sun.jmx.remote.internal.rmi",
      "java.rmi/sun.rmi.registry",
      "java.rmi/sun.rmi.server",
      "java.sql/java.sql",
      "java.base/java.lang.ref",
      "jdk.unsupported/sun.misc",
      "jdk.compiler/com.sun.tools.javac.file",
      "jdk.attach/sun.tools.attach");

  private static final List<String> OPENS = List.of(
      "java.base/java.lang.module",
      "java.base/jdk.internal.loader",
      "java.base/jdk.internal.ref",
      "java.base/jdk.internal.reflect",
      "java.base/jdk.internal.math",
      "java.base/jdk.internal.module",
      "java.base/jdk.internal.util.jar",
      "java.base/sun.nio.ch",
      "java.base/java.io",
      "java.base/java.lang.reflect",
      "java.base/java.lang",
      "java.base/java.util",
      "java.base/java.nio",
      "jdk.management/com.sun.management.internal",
      "jdk.compiler/com.sun.tools.javac");

  private CassandraJvmOptions() {}

  static List<String> command(String javaExecutable, NodeLayout layout, CassandraSettings.Embedded node) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable);
    cmd.add("-Xms" + node.initialHeap());
    cmd.add("-Xmx" + node.maxHeap());
    cmd.add("-XX:+UseG1GC");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-Djdk.attach.allowAttachSelf=true");
    for (String export : EXPORTS) {
      cmd.add("--add-exports");
      cmd.add(export + "=ALL-UNNAMED");
    }
    for (String open : OPENS) {
      cmd.add("--add-opens");
      cmd.add(open + "=ALL-UNNAMED");
    }
    cmd.add("-Dio.netty.tryReflectionSetAccessible=true");
    cmd.add("-Dcassandra-foreground=yes");
    cmd.add("-Dcassandra.config=" + layout.yaml().toUri());
    cmd.add("-Dcassandra.storagedir=" + layout.root());
    cmd.add("-Dcassandra.logdir=" + layout.logs());
    cmd.add("-Dlogback.configurationFile=" + layout.logbackXml());
    // A single node has no peers whose gossip could settle: skip the wait (several seconds).
    cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    cmd.add("-cp");
    cmd.add(layout.watchdogClasses() + java.io.File.pathSeparator + node.libDirectory().resolve("*"));
    cmd.add(ParentWatchdog.class.getName());
    cmd.add(DAEMON_CLASS);
    return cmd;
  }
}
