package org.adcs.mdm.store.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adcs.mdm.store.CassandraSettings;

/**
 * Writes the embedded node's {@code cassandra.yaml} and {@code logback.xml}. A minimal single-node
 * configuration: SimpleSnitch, the node seeds itself, loopback only, no authentication (a
 * development node; production uses an external cluster).
 */
final class NodeConfiguration {

  static final String CLUSTER_NAME = "adcs-embedded";

  private NodeConfiguration() {}

  static void write(NodeLayout layout, CassandraSettings.Embedded node) throws IOException {
    for (Path dir : List.of(layout.conf(), layout.data(), layout.commitlog(), layout.savedCaches(),
        layout.hints(), layout.cdcRaw(), layout.logs())) {
      Files.createDirectories(dir);
    }
    Files.writeString(layout.yaml(), yaml(layout, node));
    Files.writeString(layout.logbackXml(), logback(layout));
  }

  static String yaml(NodeLayout layout, CassandraSettings.Embedded node) {
    // Deliberately no allocate_tokens_for_local_replication_factor: it made the first start ~5x slower.
    return """
        cluster_name: '%s'
        num_tokens: 16
        partitioner: org.apache.cassandra.dht.Murmur3Partitioner
        endpoint_snitch: SimpleSnitch
        seed_provider:
          - class_name: org.apache.cassandra.locator.SimpleSeedProvider
            parameters:
              - seeds: "%s:%d"
        listen_address: %s
        rpc_address: %s
        storage_port: %d
        native_transport_port: %d
        start_native_transport: true
        data_file_directories:
          - %s
        commitlog_directory: %s
        saved_caches_directory: %s
        hints_directory: %s
        cdc_raw_directory: %s
        commitlog_sync: periodic
        commitlog_sync_period: 10000ms
        authenticator: AllowAllAuthenticator
        authorizer: AllowAllAuthorizer
        """.formatted(
        CLUSTER_NAME,
        node.listenAddress(), node.storagePort(),
        node.listenAddress(),
        node.listenAddress(),
        node.storagePort(),
        node.cqlPort(),
        quoted(layout.data()),
        quoted(layout.commitlog()),
        quoted(layout.savedCaches()),
        quoted(layout.hints()),
        quoted(layout.cdcRaw()));
  }

  private static String quoted(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  static String logback(NodeLayout layout) {
    String file = layout.systemLog().toAbsolutePath().toString()
        .replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    return """
        <configuration scan="false">
          <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
            <file>%s</file>
            <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
              <fileNamePattern>%s.%%i.zip</fileNamePattern>
              <minIndex>1</minIndex>
              <maxIndex>3</maxIndex>
            </rollingPolicy>
            <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
              <maxFileSize>20MB</maxFileSize>
            </triggeringPolicy>
            <encoder>
              <pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern>
            </encoder>
          </appender>
          <root level="INFO">
            <appender-ref ref="FILE"/>
          </root>
        </configuration>
        """.formatted(file, file);
  }
}
