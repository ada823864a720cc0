package org.adcs.protocol.session;

import java.time.Duration;
import java.util.Optional;
import org.adcs.protocol.apdu.Conformance;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.codec.Octets;

/**
 * How a client session associates and waits.
 *
 * @param password               LLS password; empty for a no-security (public client) association
 * @param proposedConformance    services proposed in the AARQ
 * @param maxReceivePduSize      client-max-receive-pdu-size proposed (peers use 0xFFFF)
 * @param responseTimeout        per request APDU (each block of a block transfer restarts it)
 * @param highPriority           sets the priority bit of invoke-id-and-priority (0xC1 vs 0x41)
 * @param limits                 bounds applied to the server's (untrusted) answers
 */
public record ClientSettings(Optional<Octets> password, Conformance proposedConformance,
                             int maxReceivePduSize, Duration responseTimeout, boolean highPriority, Limits limits) {
    public static ClientSettings lowLevelSecurity(String password) {
        return new ClientSettings(Optional.of(Octets.copyOf(password.getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                Conformance.SUPPORTED, 0xFFFF, Duration.ofSeconds(30), true, Limits.DEFAULT);
    }

    public static ClientSettings noSecurity() {
        return new ClientSettings(Optional.empty(), Conformance.SUPPORTED, 0xFFFF, Duration.ofSeconds(30), true, Limits.DEFAULT);
    }

    public ClientSettings withTimeout(Duration timeout) {
        return new ClientSettings(password, proposedConformance, maxReceivePduSize, timeout, highPriority, limits);
    }

    /** The same settings with another LLS password, e.g. one looked up once a meter has said who it is. */
    public ClientSettings withPassword(Optional<Octets> password) {
        return new ClientSettings(password, proposedConformance, maxReceivePduSize, responseTimeout, highPriority, limits);
    }

    public ClientSettings withMaxReceivePduSize(int size) {
        return new ClientSettings(password, proposedConformance, size, responseTimeout, highPriority, limits);
    }
}
