package org.adcs.protocol.axdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.testing.DlmsArbitraries;

/** Every A-XDR value survives encode → decode; arbitrary bytes decode to a value or a typed error. */
class AxdrPropertiesTest {

    @Provide
    Arbitrary<DlmsData> data() {
        return DlmsArbitraries.data();
    }

    @Property(tries = 1000)
    void everyValueRoundTrips(@ForAll("data") DlmsData value) {
        byte[] encoded = AxdrCodec.encode(value);
        DlmsData decoded = AxdrCodec.decode(encoded, Limits.DEFAULT).orElseThrow();
        assertEquals(value, decoded);
        assertArrayEquals(encoded, AxdrCodec.encode(decoded));
    }

    @Property(tries = 2000)
    void arbitraryBytesNeverEscapeAsAnException(@ForAll byte[] bytes) {
        Decoded<DlmsData> result = AxdrCodec.decode(bytes, Limits.DEFAULT);
        if (result instanceof Decoded.Ok<DlmsData> ok) {
            // non-canonical input (boolean 2, long-form lengths) re-encodes canonically, to the same value
            assertEquals(ok.value(), AxdrCodec.decode(AxdrCodec.encode(ok.value()), Limits.DEFAULT).orElseThrow());
        }
    }
}
