package org.adcs.mdm.store.embedded;

import java.nio.file.Path;

/** The directories of one embedded node, all below its node directory. */
record NodeLayout(Path root) {

  Path conf() {
    return root.resolve("conf");
  }

  Path yaml() {
    return conf().resolve("cassandra.yaml");
  }

  Path logbackXml() {
    return conf().resolve("logback.xml");
  }

  Path data() {
    return root.resolve("data");
  }

  Path commitlog() {
    return root.resolve("commitlog");
  }

  Path savedCaches() {
    return root.resolve("saved_caches");
  }

  Path hints() {
    return root.resolve("hints");
  }

  Path cdcRaw() {
    return root.resolve("cdc_raw");
  }

  Path logs() {
    return root.resolve("logs");
  }

  /** Cassandra's own log, the first place to look when the node misbehaves. */
  Path systemLog() {
    return logs().resolve("system.log");
  }

  /** What the child JVM writes to stdout and stderr (JVM errors before logging starts). */
  Path consoleLog() {
    return logs().resolve("console.log");
  }

  Path watchdogClasses() {
    return root.resolve("watchdog");
  }

  Path pidFile() {
    return root.resolve("cassandra.pid");
  }
}
