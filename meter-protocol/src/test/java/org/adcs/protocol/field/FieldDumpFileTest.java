package org.adcs.protocol.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;
import org.junit.jupiter.api.Test;

/** The field dump file (R-FLD-2): a round trip, and every way a file is refused as not whole. */
class FieldDumpFileTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-04T10:07:00Z");

    private static DlmsData time(OffsetDateTime t) {
        return new DlmsData.OctetString(CosemDateTime.of(t).toBytes());
    }

    private static DlmsData channel(ObisCode obis, int scaler) {
        return DlmsData.Structure.of(new DlmsData.OctetString(obis.toBytes()), new ScalerUnit(scaler, ScalerUnit.UNIT_WH).toData());
    }

    private static DlmsData[] sections() {
        return new DlmsData[] {
            new DlmsData.OctetString("ADC0000010000003".getBytes(StandardCharsets.US_ASCII)),
            time(AT),
            DlmsData.Array.of(channel(ObisCode.ACTIVE_ENERGY_IMPORT, 0), channel(ObisCode.ACTIVE_ENERGY_EXPORT, -1)),
            new DlmsData.UInt32(900),
            DlmsData.Array.of(DlmsData.Structure.of(time(AT.minusMinutes(7)), new DlmsData.UInt8(8), new DlmsData.UInt32(1234),
                    new DlmsData.UInt32(5))),
            DlmsData.Array.of(DlmsData.Structure.of(time(AT.minusHours(10).minusMinutes(7)), new DlmsData.UInt32(900_000),
                    new DlmsData.UInt32(77))),
            DlmsData.Array.of(DlmsData.Structure.of(time(AT), new DlmsData.UInt16(234))),
            DlmsData.Array.of(DlmsData.Structure.of(time(AT.minusHours(10).minusMinutes(7)), new DlmsData.UInt16(2250),
                    new DlmsData.UInt16(2301), new DlmsData.UInt16(2390)))};
    }

    private static byte[] file(DlmsData[] sections) {
        return FieldDumpFile.frame(DlmsData.Structure.of(sections));
    }

    private static String refusal(byte[] file) {
        return assertThrows(FieldDumpFile.Defect.class, () -> FieldDumpFile.read(file)).getMessage();
    }

    /** The file with its body replaced and the checksum made right again, as a forger would. */
    private static byte[] resealed(byte[] body) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(14 + body.length + 32);
        out.put(FieldDumpFile.MAGIC).putShort((short) 1).putInt(body.length).put(body);
        byte[] unsealed = Arrays.copyOf(out.array(), 14 + body.length);
        out.put(MessageDigest.getInstance("SHA-256").digest(unsealed));
        return out.array();
    }

    @Test
    void aDumpReadsBackAsWritten() {
        FieldDumpFile.Content c = FieldDumpFile.read(file(sections()));
        assertEquals("ADC0000010000003", c.logicalDeviceName());
        assertEquals(AT.toInstant(), c.dumpedAt().toOffsetDateTime().orElseThrow().toInstant());
        assertEquals(List.of(new FieldDumpFile.Channel(ObisCode.ACTIVE_ENERGY_IMPORT, new ScalerUnit(0, ScalerUnit.UNIT_WH)),
                new FieldDumpFile.Channel(ObisCode.ACTIVE_ENERGY_EXPORT, new ScalerUnit(-1, ScalerUnit.UNIT_WH))), c.channels());
        assertEquals(900, c.capturePeriodSeconds());
        assertEquals(1, c.loadProfile().size());
        assertEquals(8, c.loadProfile().get(0).status());
        assertEquals(1234, c.loadProfile().get(0).importValue());
        assertEquals(5, c.loadProfile().get(0).exportValue());
        assertEquals(900_000, c.dailyBilling().get(0).importValue());
        assertEquals(234, c.eventLog().get(0).code());
        assertEquals(2390, c.powerQuality().get(0).max());
    }

    @Test
    void aFileWithoutTheMagicIsNotADump() {
        assertTrue(refusal(new byte[10]).contains("not a field dump"));
        byte[] f = file(sections());
        f[0] = 'X';
        assertTrue(refusal(f).contains("not a field dump"));
    }

    @Test
    void anotherVersionIsRefused() {
        byte[] f = file(sections());
        f[9] = 2;
        assertTrue(refusal(f).contains("version 2 is not supported"));
    }

    @Test
    void aTruncatedOrExtendedFileIsRefusedByItsLength() {
        byte[] f = file(sections());
        assertTrue(refusal(Arrays.copyOf(f, f.length - 1)).contains("does not match the file"));
        assertTrue(refusal(Arrays.copyOf(f, f.length + 1)).contains("does not match the file"));
    }

    @Test
    void everySingleChangedByteOfTheBodyOrChecksumIsCaught() {
        byte[] f = file(sections());
        for (int i = 14; i < f.length; i++) {
            byte[] altered = f.clone();
            altered[i] ^= 0x01;
            assertTrue(refusal(altered).contains("checksum mismatch"), "byte " + i);
        }
    }

    @Test
    void aResealedBodyThatDoesNotDecodeIsRefused() throws Exception {
        assertTrue(refusal(resealed(new byte[] {0x02, 0x08, 0x09})).contains("does not decode"));
    }

    @Test
    void aResealedBodyOfAnotherShapeIsRefused() throws Exception {
        DlmsData[] seven = Arrays.copyOf(sections(), 7);
        assertTrue(refusal(file(seven)).contains("eight sections"));
        DlmsData[] s = sections();
        s[0] = new DlmsData.UInt8(1);
        assertTrue(refusal(file(s)).contains("logical device name is not an octet-string"));
        s = sections();
        s[1] = new DlmsData.OctetString(new byte[3]);
        assertTrue(refusal(file(s)).contains("dump time is not a date-time"));
        s = sections();
        s[2] = DlmsData.Array.of(DlmsData.Structure.of(new DlmsData.OctetString(new byte[6]), new DlmsData.UInt8(0)));
        assertTrue(refusal(file(s)).contains("has no scaler-unit"));
        s = sections();
        s[3] = new DlmsData.OctetString(new byte[1]);
        assertTrue(refusal(file(s)).contains("capture period is not a number"));
        s = sections();
        s[4] = new DlmsData.UInt8(0);
        assertTrue(refusal(file(s)).contains("load profile is not an array"));
        s = sections();
        s[4] = DlmsData.Array.of(DlmsData.Structure.of(time(AT), new DlmsData.UInt8(0)));
        assertTrue(refusal(file(s)).contains("load profile row is not a structure of 4 elements"));
        s = sections();
        s[6] = DlmsData.Array.of(DlmsData.Structure.of(time(AT), new DlmsData.OctetString(new byte[2])));
        assertTrue(refusal(file(s)).contains("event code is not a number"));
    }
}
