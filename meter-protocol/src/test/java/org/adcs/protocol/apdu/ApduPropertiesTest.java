package org.adcs.protocol.apdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.testing.DlmsArbitraries;

/** Every APDU survives encode → decode; random and mutated frames decode or fail with a typed error. */
class ApduPropertiesTest {

    @Provide
    Arbitrary<Apdu> apdus() {
        return DlmsArbitraries.apdu();
    }

    @Property(tries = 2000)
    void everyApduRoundTrips(@ForAll("apdus") Apdu apdu) {
        byte[] encoded = ApduCodec.encode(apdu);
        assertEquals(apdu, ApduCodec.decode(encoded, Limits.DEFAULT).orElseThrow());
    }

    @Property(tries = 2000)
    void randomBytesNeverEscapeAsAnException(@ForAll @Size(max = 300) byte[] bytes) {
        Decoded<Apdu> result = ApduCodec.decode(bytes, Limits.DEFAULT);
        if (result instanceof Decoded.Ok<Apdu> ok) {
            assertEquals(ok.value(), ApduCodec.decode(ApduCodec.encode(ok.value()), Limits.DEFAULT).orElseThrow());
        } else {
            assertFalse(((Decoded.Failed<Apdu>) result).error().message().isEmpty());
        }
    }

    @Property(tries = 3000)
    void mutatedFramesNeverEscapeAsAnException(@ForAll("apdus") Apdu apdu, @ForAll @IntRange(min = 0, max = 10_000) int position,
                                               @ForAll byte replacement, @ForAll @IntRange(min = 0, max = 3) int mutation) {
        byte[] encoded = ApduCodec.encode(apdu);
        byte[] mutated = switch (mutation) {
            case 0 -> { // flip one byte
                byte[] b = encoded.clone();
                b[position % b.length] = replacement;
                yield b;
            }
            case 1 -> java.util.Arrays.copyOf(encoded, position % encoded.length); // truncate
            case 2 -> { // insert a byte
                int at = position % (encoded.length + 1);
                byte[] b = new byte[encoded.length + 1];
                System.arraycopy(encoded, 0, b, 0, at);
                b[at] = replacement;
                System.arraycopy(encoded, at, b, at + 1, encoded.length - at);
                yield b;
            }
            default -> { // claim a huge length where a length could be
                byte[] b = java.util.Arrays.copyOf(encoded, encoded.length + 4);
                int at = position % encoded.length;
                b[at] = (byte) 0x84;
                yield b;
            }
        };
        Decoded<Apdu> result = ApduCodec.decode(mutated, Limits.DEFAULT);
        if (result instanceof Decoded.Ok<Apdu> ok) {
            ApduCodec.encode(ok.value()); // whatever decodes must be a valid value
        }
    }

    @Provide
    Arbitrary<List<GetDataResult>> resultLists() {
        return DlmsArbitraries.getDataResult().list().ofMaxSize(6);
    }

    @Property(tries = 300)
    void getDataResultListsRoundTripAsBlockTransferBodies(@ForAll("resultLists") List<GetDataResult> results) {
        byte[] body = ApduCodec.encodeGetDataResults(results);
        assertEquals(results, ApduCodec.decodeGetDataResults(body, Limits.DEFAULT).orElseThrow());
    }
}
