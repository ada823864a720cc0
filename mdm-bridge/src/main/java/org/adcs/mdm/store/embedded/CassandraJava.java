package org.adcs.mdm.store.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.adcs.mdm.store.StoreUnavailableException;

/**
 * The java executable for the node. Cassandra 5.0 runs on Java 11 and 17 only; on a newer JDK it
 * fails in obscure ways, so a wrong version is refused up front with what to set.
 */
final class CassandraJava {

  private CassandraJava() {}

  static String executable(Path javaHome) {
    if (javaHome == null) {
      int feature = Runtime.version().feature();
      requireSupported(feature, "this JVM (" + System.getProperty("java.home") + ")");
      return ProcessHandle.current().info().command()
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
    Path java = javaHome.resolve("bin").resolve("java");
    if (!Files.isExecutable(java)) {
      throw new StoreUnavailableException("No java executable at " + java
          + ": set adcs.cassandra.embedded.java-home (ADCS_CASSANDRA_EMBEDDED_JAVA_HOME) to a JDK 17 directory");
    }
    releaseFeature(javaHome).ifPresent(feature -> requireSupported(feature, javaHome.toString()));
    return java.toString();
  }

  private static void requireSupported(int feature, String where) {
    if (feature != 11 && feature != 17) {
      throw new StoreUnavailableException("The embedded Cassandra 5.0 node needs Java 11 or 17, but " + where
          + " is Java " + feature + ": set adcs.cassandra.embedded.java-home (ADCS_CASSANDRA_EMBEDDED_JAVA_HOME)"
          + " to a JDK 17, or run the head-end on JDK 17");
    }
  }

  /** The major version from the JDK's {@code release} file, e.g. JAVA_VERSION="17.0.15". */
  private static Optional<Integer> releaseFeature(Path javaHome) {
    try {
      for (String line : Files.readAllLines(javaHome.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          String major = version.startsWith("1.") ? version.substring(2) : version;
          return Optional.of(Integer.parseInt(major.split("[.+-]")[0]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // No readable release file: let the node's own start-up report a real problem.
    }
    return Optional.empty();
  }
}
