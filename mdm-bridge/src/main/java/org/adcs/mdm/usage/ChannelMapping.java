package org.adcs.mdm.usage;

import java.util.Optional;
import org.adcs.mdm.reading.Channel;

/**
 * Channel names of the master data's channel set-up as channels, and each kVARh channel's kWh channel
 * (R-MD-3): reactive energy is reported beside the active energy of the same direction. Reactive
 * import and export go with active import and export; by quadrant, Q1 and Q4 (active import) and Q2
 * and Q3 (active export).
 */
public final class ChannelMapping {

  private ChannelMapping() {}

  /** A channel named in the channel set-up: reactive channels count in varh, the others in Wh. */
  public static Channel channel(String name) {
    return new Channel(name, isReactive(name) ? "varh" : "Wh");
  }

  public static boolean isReactive(String name) {
    return name.startsWith("reactive-");
  }

  /** The kWh channel a kVARh channel maps to; empty for an active channel or an unknown reactive one. */
  public static Optional<Channel> kwhChannelOf(Channel channel) {
    if (!isReactive(channel.name())) {
      return Optional.empty();
    }
    String kind = channel.name().substring("reactive-".length());
    if (kind.startsWith("import") || kind.equals("q1") || kind.equals("q4")) {
      return Optional.of(Channel.ACTIVE_IMPORT);
    }
    if (kind.startsWith("export") || kind.equals("q2") || kind.equals("q3")) {
      return Optional.of(Channel.ACTIVE_EXPORT);
    }
    return Optional.empty();
  }
}
