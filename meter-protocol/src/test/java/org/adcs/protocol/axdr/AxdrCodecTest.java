package org.adcs.protocol.axdr;

import static org.adcs.protocol.codec.ByteWriter.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.adcs.protocol.codec.DecodeError;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.junit.jupiter.api.Test;

class AxdrCodecTest {
    private static DecodeError error(String hexBytes, Limits limits) {
        return assertInstanceOf(Decoded.Failed.class, AxdrCodec.decode(hex(hexBytes), limits)).error();
    }

    @Test
    void encodesEachScalarTypeWithItsTag() {
        assertArrayEquals(hex("0600001391"), AxdrCodec.encode(new DlmsData.UInt32(5009)));
        assertArrayEquals(hex("12FFFF"), AxdrCodec.encode(new DlmsData.UInt16(0xFFFF)));
        assertArrayEquals(hex("0FFE"), AxdrCodec.encode(new DlmsData.Int8(-2)));
        assertArrayEquals(hex("1003E8"), AxdrCodec.encode(new DlmsData.Int16(1000)));
        assertArrayEquals(hex("161E"), AxdrCodec.encode(new DlmsData.Enum(30)));
        assertArrayEquals(hex("0301"), AxdrCodec.encode(new DlmsData.BooleanData(true)));
        assertArrayEquals(hex("040AFFC0"), AxdrCodec.encode(new DlmsData.BitString(10, hex("FFC0"))));
        assertArrayEquals(hex("0A03414243"), AxdrCodec.encode(new DlmsData.VisibleString("ABC")));
        assertArrayEquals(hex("173F800000"), AxdrCodec.encode(new DlmsData.Float32(1.0f)));
        assertArrayEquals(hex("150000000000000001"), AxdrCodec.encode(new DlmsData.UInt64(1)));
        assertArrayEquals(hex("00"), AxdrCodec.encode(DlmsData.NullData.INSTANCE));
    }

    @Test
    void encodesLongLengthsInTheMultiByteForm() {
        byte[] encoded = AxdrCodec.encode(new DlmsData.OctetString(new byte[300]));
        assertArrayEquals(hex("0982012C"), java.util.Arrays.copyOf(encoded, 4));
        assertEquals(304, encoded.length);
    }

    @Test
    void aTruncatedValueIsReportedAsTruncated() {
        assertInstanceOf(DecodeError.Truncated.class, error("060000", Limits.DEFAULT));
    }

    @Test
    void anUnknownTagIsReportedAsABadTag() {
        assertEquals(new DecodeError.BadTag("data", 0x07), error("07", Limits.DEFAULT));
    }

    @Test
    void compactArraysAreReportedAsUnsupported() {
        assertInstanceOf(DecodeError.Unsupported.class, error("1300", Limits.DEFAULT));
    }

    @Test
    void anOctetStringLongerThanTheLimitIsRefusedBeforeAllocation() {
        // claims 2^31-1 bytes; only the length over the limit is reported, nothing is allocated
        assertInstanceOf(DecodeError.LengthOverLimit.class, error("09847FFFFFFF00", Limits.DEFAULT));
    }

    @Test
    void anArrayCountBeyondTheBytesPresentIsTruncatedNotAllocated() {
        assertInstanceOf(DecodeError.Truncated.class, error("0182FFFF00", Limits.DEFAULT));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        Limits shallow = new Limits(0xFFFF, 1 << 20, 2, 100);
        assertInstanceOf(DecodeError.LengthOverLimit.class, error("0101010101010100", shallow));
    }

    @Test
    void trailingBytesAfterAValueAreReported() {
        assertInstanceOf(DecodeError.TrailingBytes.class, error("110100", Limits.DEFAULT));
    }
}
