package org.adcs.headend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** Fails start-up early, and by name, when a port this node must listen on is taken. */
final class PortCheck {

  private PortCheck() {}

  /**
   * Fails when two settings name the same port: each would pass {@link #ensureFree} alone, and the
   * second bind would then fail with a bare "Address already in use" that names no setting.
   *
   * @param portsBySetting setting name to port, in the order they are bound; 0 (any free port) is skipped
   */
  static void ensureDistinct(Map<String, Integer> portsBySetting) {
    Map<Integer, String> seen = new HashMap<>();
    portsBySetting.forEach((setting, port) -> {
      String earlier = port == 0 ? null : seen.putIfAbsent(port, setting);
      if (earlier != null) {
        throw new StartupFailure("Port " + port + " is set for both " + earlier + " (environment variable "
            + org.adcs.headend.config.EnvironmentOverrides.variableFor(earlier) + ") and " + setting
            + " (environment variable " + org.adcs.headend.config.EnvironmentOverrides.variableFor(setting)
            + "): give each its own port");
      }
    });
  }

  static void ensureFree(String setting, String host, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new StartupFailure("Port " + port + " on " + host + " (" + setting + ", environment variable "
          + org.adcs.headend.config.EnvironmentOverrides.variableFor(setting) + ") cannot be used: " + e.getMessage()
          + ". Stop the process holding it or choose another port");
    }
  }
}
