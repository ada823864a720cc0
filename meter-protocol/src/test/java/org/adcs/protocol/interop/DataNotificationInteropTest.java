package org.adcs.protocol.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gurux.dlms.GXByteBuffer;
import gurux.dlms.GXDLMSNotify;
import gurux.dlms.GXReplyData;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSRegister;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.bench.DailyPush;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.protocol.wrapper.WrapperHeader;
import org.junit.jupiter.api.Test;

/** Pushes (DataNotification) across stacks: Gurux 4.0.47 parses ours, we parse Gurux's. */
class DataNotificationInteropTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void guruxParsesOurDailyPush() throws Exception {
        DataNotification push = DailyPush.build("ADC0000000000042", MIDNIGHT);
        byte[] frame = WrapperHeader.encode(new WrapperFrame(1, 1, ApduCodec.encode(push)));
        GXDLMSNotify gurux = new GXDLMSNotify(true, 1, 1, InterfaceType.WRAPPER);
        GXReplyData reply = new GXReplyData();
        assertTrue(gurux.getData(new GXByteBuffer(frame), reply), "Gurux found one complete notification");
        List<?> body = (List<?>) reply.getValue();
        assertArrayEquals("ADC0000000000042".getBytes(StandardCharsets.US_ASCII), (byte[]) body.get(0));
        assertEquals(96, ((List<?>) body.get(2)).size());
        assertEquals(4, ((List<?>) body.get(3)).size());
        assertEquals(3, ((List<?>) body.get(4)).size());
    }

    @Test
    void weParseAGuruxPushWithItsDateTime() throws Exception {
        GXDLMSNotify gurux = new GXDLMSNotify(true, 1, 1, InterfaceType.WRAPPER);
        GXDLMSData name = new GXDLMSData("0.0.42.0.0.255");
        name.setValue("ADC0000000000042".getBytes(StandardCharsets.US_ASCII));
        GXDLMSRegister energy = new GXDLMSRegister("1.0.1.8.0.255");
        energy.setValue(12_345_678L);
        List<Map.Entry<GXDLMSObject, Integer>> objects = List.of(
                new AbstractMap.SimpleEntry<>(name, 2), new AbstractMap.SimpleEntry<>(energy, 2));
        byte[][] frames = gurux.generateDataNotificationMessages(Date.from(MIDNIGHT), objects);
        assertEquals(1, frames.length);
        WrapperFrame frame = WrapperHeader.decodeFrame(frames[0], Limits.DEFAULT.maxApduSize()).orElseThrow();
        DataNotification push = (DataNotification) ApduCodec.decode(frame.apdu(), Limits.DEFAULT).orElseThrow();
        assertEquals(MIDNIGHT, push.dateTime().flatMap(CosemDateTime::toOffsetDateTime).orElseThrow().toInstant());
        DlmsData.Structure body = (DlmsData.Structure) push.body();
        assertEquals(new DlmsData.OctetString("ADC0000000000042".getBytes(StandardCharsets.US_ASCII)), body.elements().get(0));
        assertEquals(12_345_678L, body.elements().get(1).asLong());
    }
}
