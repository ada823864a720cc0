package org.adcs.protocol.apdu;

import java.util.OptionalInt;

/** RLRQ; reason 0 = normal. Any user-information (e.g. a ciphered InitiateRequest) is skipped on decode. */
public record ReleaseRequest(OptionalInt reason) implements Apdu {
    public static final ReleaseRequest NORMAL = new ReleaseRequest(OptionalInt.of(0));
}
