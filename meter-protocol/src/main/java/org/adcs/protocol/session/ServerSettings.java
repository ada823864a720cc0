package org.adcs.protocol.session;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.adcs.protocol.apdu.Conformance;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.codec.Octets;

/**
 * How a meter's server session accepts associations and sizes its answers.
 *
 * @param llsPassword                 the meter's LLS secret; empty disables LLS associations
 * @param publicClientWithoutPassword whether the public client (wPort 16) may associate without one
 * @param supportedConformance        intersected with the client's proposal
 * @param maxReceivePduSize           announced in the AARE; longer SETs must come in blocks
 * @param maxSendPduSize              cap on our own APDUs besides the client's max receive size
 * @param limits                      bounds applied to the client's (untrusted) requests
 */
public record ServerSettings(Optional<Octets> llsPassword, boolean publicClientWithoutPassword, Conformance supportedConformance,
                             int maxReceivePduSize, int maxSendPduSize, Limits limits) {
    public static ServerSettings withPassword(String password) {
        return new ServerSettings(Optional.of(Octets.copyOf(password.getBytes(StandardCharsets.US_ASCII))), true,
                Conformance.SUPPORTED, 0x0400, 0xFFFF, Limits.DEFAULT);
    }

    public ServerSettings withMaxSendPduSize(int size) {
        return new ServerSettings(llsPassword, publicClientWithoutPassword, supportedConformance, maxReceivePduSize, size, limits);
    }

    public ServerSettings withMaxReceivePduSize(int size) {
        return new ServerSettings(llsPassword, publicClientWithoutPassword, supportedConformance, size, maxSendPduSize, limits);
    }
}
