package org.adcs.headend.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.headend.config.SettingReader;

/**
 * Cluster formation without seed nodes (adcs.cluster.bootstrap): Akka Management's cluster bootstrap
 * finds the other nodes through a discovery method and the lowest-addressed one forms the cluster.
 */
public record BootstrapSettings(boolean enabled, DiscoveryMethod discoveryMethod, int requiredContactPoints,
    int managementPort, String podLabelSelector) {

  /** How bootstrap finds contact points: the Kubernetes API (pods by label), or a list in the configuration. */
  public enum DiscoveryMethod {
    KUBERNETES_API("kubernetes-api"), CONFIG("config");

    private final String akkaName;

    DiscoveryMethod(String akkaName) {
      this.akkaName = akkaName;
    }
  }

  public static BootstrapSettings from(SettingReader read, Config config) {
    String p = "adcs.cluster.bootstrap.";
    boolean enabled;
    try {
      enabled = config.getBoolean(p + "enabled");
    } catch (com.typesafe.config.ConfigException e) {
      throw new InvalidSettingException(p + "enabled", "expected true or false: " + e.getMessage());
    }
    return new BootstrapSettings(enabled, read.oneOf(p + "discovery-method", DiscoveryMethod.class),
        read.integer(p + "required-contact-points", 1, 100), read.port(p + "management-port"),
        read.nonBlank(p + "pod-label-selector"));
  }

  /**
   * Akka Management's settings: its HTTP endpoint on the node's cluster address, discovery and contact points.
   * Every discovered endpoint is a management endpoint (a named pod port, or a configured host and port), so none
   * is dropped for having a port other than this node's (several nodes on one host each have their own).
   */
  public Config akkaConfig(String hostname) {
    return ConfigFactory.parseMap(Map.of(
        "akka.management.http.hostname", hostname,
        "akka.management.http.port", managementPort,
        "akka.management.cluster.bootstrap.contact-point-discovery.discovery-method", discoveryMethod.akkaName,
        "akka.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr", requiredContactPoints,
        "akka.management.cluster.bootstrap.contact-point.filter-on-fallback-port", false,
        "akka.discovery.kubernetes-api.pod-label-selector", podLabelSelector));
  }
}
