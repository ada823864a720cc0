package org.adcs.protocol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.Limits;
import org.junit.jupiter.api.Test;

/** The benchmark's push is what R-COL-1 describes, and it round-trips. */
class DailyPushTest {
    @Test
    void theDailyPushCarriesNinetySixIntervalsOfTwoChannelsRegistersAndEvents() {
        DataNotification push = DailyPush.build("ADC0000000000042", Instant.parse("2026-03-01T00:00:00Z"));
        DlmsData.Structure body = (DlmsData.Structure) push.body();
        DlmsData.Array intervals = (DlmsData.Array) body.elements().get(2);
        assertEquals(96, intervals.elements().size());
        assertEquals(5, ((DlmsData.Structure) intervals.elements().get(0)).elements().size(), "time, status and value for 2 channels");
        assertEquals(4, ((DlmsData.Array) body.elements().get(3)).elements().size());
        assertEquals(3, ((DlmsData.Array) body.elements().get(4)).elements().size());
        assertEquals(push, ApduCodec.decode(ApduCodec.encode(push), Limits.DEFAULT).orElseThrow());
    }
}
