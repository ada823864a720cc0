package org.adcs.headend;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails start-up early, and by name, when a port this node must listen on is taken. */
final class PortCheck {

  private PortCheck() {}

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
