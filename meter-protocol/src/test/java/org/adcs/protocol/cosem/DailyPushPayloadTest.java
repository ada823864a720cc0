package org.adcs.protocol.cosem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.testing.DlmsArbitraries;
import org.junit.jupiter.api.Test;

/** The daily push layout (R-COL-1) shared by simulated meters and the head-end. */
class DailyPushPayloadTest {

    static DailyPushPayload sample() {
        LocalDateTime midnight = LocalDateTime.of(2026, 11, 22, 0, 0);
        List<DailyPushPayload.IntervalRow> rows = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            rows.add(new DailyPushPayload.IntervalRow(CosemDateTime.ofUtc(midnight.minusDays(1).plusMinutes(15L * (i + 1))),
                    List.of(new DailyPushPayload.ChannelValue(i == 40 ? 0x80 : 0, 250 + i),
                            new DailyPushPayload.ChannelValue(0, i % 7))));
        }
        return new DailyPushPayload("ADC0000000000042", CosemDateTime.ofUtc(midnight.plusMinutes(141)),
                List.of(new DailyPushPayload.Channel(ObisCode.ACTIVE_ENERGY_IMPORT, new ScalerUnit(0, ScalerUnit.UNIT_WH)),
                        new DailyPushPayload.Channel(ObisCode.ACTIVE_ENERGY_EXPORT, new ScalerUnit(0, ScalerUnit.UNIT_WH))),
                rows,
                List.of(new DailyPushPayload.RegisterRow(ObisCode.ACTIVE_ENERGY_IMPORT, 12_345_678, new ScalerUnit(0, ScalerUnit.UNIT_WH))),
                List.of(new DailyPushPayload.EventRow(CosemDateTime.ofUtc(midnight.minusHours(3)), 47)));
    }

    @Test
    void aPushSurvivesEncodingAndDecodingOnTheWire() {
        DailyPushPayload push = sample();
        byte[] wire = AxdrCodec.encode(push.toData());
        Decoded<DlmsData> decoded = AxdrCodec.decode(wire, Limits.DEFAULT);
        DlmsData body = ((Decoded.Ok<DlmsData>) decoded).value();
        assertEquals(Optional.of(push), DailyPushPayload.fromData(body));
    }

    @Test
    void theCompactFiveElementLayoutReadsAsImportAndExportWithTheRegistersScalers() {
        List<DlmsData> six = ((DlmsData.Structure) sample().toData()).elements();
        List<DlmsData> five = new ArrayList<>(six);
        five.remove(2);
        DailyPushPayload push = DailyPushPayload.fromData(new DlmsData.Structure(five)).orElseThrow();
        assertEquals(List.of(ObisCode.ACTIVE_ENERGY_IMPORT, ObisCode.ACTIVE_ENERGY_EXPORT),
                push.channels().stream().map(DailyPushPayload.Channel::obis).toList());
        assertEquals(sample().intervals(), push.intervals());
        assertEquals(sample().events(), push.events());
    }

    @Test
    void aBodyOfAnotherShapeIsNotAPush() {
        assertEquals(Optional.empty(), DailyPushPayload.fromData(DlmsData.Structure.of(new DlmsData.OctetString(new byte[] {65}))));
        List<DlmsData> elements = new ArrayList<>(((DlmsData.Structure) sample().toData()).elements());
        elements.set(3, new DlmsData.Array(List.of(DlmsData.Structure.of(new DlmsData.UInt8(1)))));
        assertEquals(Optional.empty(), DailyPushPayload.fromData(new DlmsData.Structure(elements)));
    }

    @Property(tries = 2000)
    void anyDecodedBodyIsEitherAPushOrEmptyNeverAnException(@ForAll("anyData") DlmsData body) {
        Optional<DailyPushPayload> push = DailyPushPayload.fromData(body);
        assertTrue(push.isEmpty() || push.get().logicalDeviceName().length() <= 32);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<DlmsData> anyData() {
        return DlmsArbitraries.data();
    }

}
