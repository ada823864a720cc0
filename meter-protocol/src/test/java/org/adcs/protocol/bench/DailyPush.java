package org.adcs.protocol.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;

/**
 * One meter's daily push (R-COL-1): its name, the push time, 96 intervals × 2 channels with
 * per-interval status and end timestamps, the midnight register reads and a few events.
 */
public final class DailyPush {
    private DailyPush() {
    }

    public static DataNotification build(String meter, Instant midnight) {
        List<DlmsData> intervals = new ArrayList<>(96);
        for (int i = 0; i < 96; i++) {
            Instant end = midnight.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(15L * (i + 1)));
            intervals.add(DlmsData.Structure.of(
                    time(end),
                    new DlmsData.UInt8(i == 40 ? 0x80 : 0), new DlmsData.UInt32(250 + (i * 37L) % 900),
                    new DlmsData.UInt8(0), new DlmsData.UInt32((i * 13L) % 50)));
        }
        List<DlmsData> registers = List.of(
                register(ObisCode.ACTIVE_ENERGY_IMPORT, 12_345_678L),
                register(ObisCode.ACTIVE_ENERGY_EXPORT, 1_234L),
                register(new ObisCode(1, 0, 3, 8, 0, 255), 567_890L),
                register(new ObisCode(1, 0, 4, 8, 0, 255), 4_321L));
        List<DlmsData> events = List.of(
                event(midnight.minus(Duration.ofHours(20)), 1),
                event(midnight.minus(Duration.ofHours(19)), 2),
                event(midnight.minus(Duration.ofHours(3)), 47));
        DlmsData body = DlmsData.Structure.of(
                new DlmsData.OctetString(meter.getBytes(StandardCharsets.US_ASCII)),
                time(midnight),
                new DlmsData.Array(intervals),
                new DlmsData.Array(registers),
                new DlmsData.Array(events));
        return new DataNotification(1, Optional.of(CosemDateTime.of(midnight.atOffset(ZoneOffset.UTC))), body);
    }

    private static DlmsData time(Instant t) {
        return new DlmsData.OctetString(CosemDateTime.of(t.atOffset(ZoneOffset.UTC)).toBytes());
    }

    private static DlmsData register(ObisCode obis, long value) {
        return DlmsData.Structure.of(new DlmsData.OctetString(obis.toBytes()), new DlmsData.UInt32(value),
                new ScalerUnit(0, ScalerUnit.UNIT_WH).toData());
    }

    private static DlmsData event(Instant t, int code) {
        return DlmsData.Structure.of(time(t), new DlmsData.UInt16(code));
    }
}
