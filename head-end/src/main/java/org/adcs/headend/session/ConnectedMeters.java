package org.adcs.headend.session;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters connected to this node, by meter id: one entry per open connection, so bounded by the
 * node's connections, and the way a request for a meter reaches its socket.
 */
public final class ConnectedMeters {

  private final ConcurrentHashMap<String, MeterConnection> byMeter = new ConcurrentHashMap<>();

  void add(String meterId, MeterConnection connection) {
    MeterConnection previous = byMeter.put(meterId, connection);
    if (previous != null && previous != connection) {
      // The meter dialled again before its old connection was noticed as dead: the new one wins.
      previous.close();
    }
  }

  void remove(String meterId, MeterConnection connection) {
    byMeter.remove(meterId, connection);
  }

  public boolean isConnected(String meterId) {
    return byMeter.containsKey(meterId);
  }

  Optional<MeterConnection> connection(String meterId) {
    return Optional.ofNullable(byMeter.get(meterId));
  }

  public int count() {
    return byMeter.size();
  }
}
