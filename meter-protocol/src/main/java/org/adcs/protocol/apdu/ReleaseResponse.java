package org.adcs.protocol.apdu;

import java.util.OptionalInt;

/** RLRE; reason 0 = normal. Any user-information is skipped on decode. */
public record ReleaseResponse(OptionalInt reason) implements Apdu {
    public static final ReleaseResponse NORMAL = new ReleaseResponse(OptionalInt.of(0));
}
