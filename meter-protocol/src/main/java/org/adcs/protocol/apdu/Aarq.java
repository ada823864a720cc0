package org.adcs.protocol.apdu;

import java.util.Optional;
import org.adcs.protocol.codec.Octets;

/**
 * AARQ with logical-name referencing, no ciphering. The xDLMS InitiateRequest carries the proposed
 * conformance and the client's max receive PDU size (peers propose 0xFFFF).
 *
 * @param password LLS secret (calling-authentication-value), present iff mechanism is LOW
 */
public record Aarq(AuthenticationMechanism mechanism, Optional<Octets> password, Conformance proposedConformance,
                   int clientMaxReceivePduSize, int dlmsVersion) implements Apdu {
    public static final int DLMS_VERSION = 6;

    public Aarq {
        if (clientMaxReceivePduSize < 0 || clientMaxReceivePduSize > 0xFFFF || dlmsVersion < 0 || dlmsVersion > 255) {
            throw new IllegalArgumentException("max PDU is u16, version u8");
        }
    }

    public static Aarq lowLevelSecurity(byte[] password, Conformance conformance, int maxReceivePduSize) {
        return new Aarq(AuthenticationMechanism.LOW, Optional.of(Octets.copyOf(password)), conformance, maxReceivePduSize, DLMS_VERSION);
    }

    public static Aarq noSecurity(Conformance conformance, int maxReceivePduSize) {
        return new Aarq(AuthenticationMechanism.NONE, Optional.empty(), conformance, maxReceivePduSize, DLMS_VERSION);
    }
}
