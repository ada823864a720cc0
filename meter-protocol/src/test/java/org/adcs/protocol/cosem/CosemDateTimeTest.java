package org.adcs.protocol.cosem;

import static org.adcs.protocol.codec.ByteWriter.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CosemDateTimeTest {
    @Test
    void encodesTheTwelveBytesWithDeviationInMinutesToAddForUtc() {
        // 2017-10-01 00:00 at UTC+01:00: deviation -60 = 0xFFC4, as in the published range-descriptor frame
        CosemDateTime t = CosemDateTime.of(OffsetDateTime.parse("2017-10-01T00:00:00+01:00"));
        assertArrayEquals(hex("07E10A0107000000" + "00FFC400"), t.toBytes());
    }

    @Test
    void convertsBackToTheSameInstant() {
        OffsetDateTime instant = OffsetDateTime.parse("2026-02-28T23:45:00Z");
        assertEquals(Optional.of(instant), CosemDateTime.of(instant).toOffsetDateTime());
    }

    @Test
    void unspecifiedOrImpossibleFieldsGiveNoInstant() {
        assertEquals(Optional.empty(), CosemDateTime.fromBytes(hex("FFFF0A0107000000008000" + "00")).flatMap(CosemDateTime::toOffsetDateTime));
        assertEquals(Optional.empty(), CosemDateTime.fromBytes(hex("07E1021F07000000000000" + "00")).flatMap(CosemDateTime::toOffsetDateTime));
        assertEquals(Optional.empty(), CosemDateTime.fromBytes(new byte[11]));
    }
}
