package org.adcs.protocol.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.AssociationLnObject;
import org.adcs.protocol.cosem.CaptureObject;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.EventLog;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ObjectModel;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.PushSetupObject;
import org.adcs.protocol.cosem.RegisterObject;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.cosem.SingleActionScheduleObject;

/**
 * A deterministic meter for tests: the objects of ARCHITECTURE.md "Protocol", with 45 days of
 * 15-minute load profile entries (4,320) ending at a fixed "now", in UTC standard time.
 */
public final class TestMeter {
    public static final String PASSWORD = "12345678";
    public static final String DEVICE_NAME = "ADC0000000000042";
    public static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    public static final int DAYS = 45;
    public static final int INTERVALS_PER_DAY = 96;
    public static final long IMPORT_WH = 12_345_678L;
    public static final long EXPORT_WH = 1_234L;
    public static final ScalerUnit ENERGY_SCALER_UNIT = new ScalerUnit(0, ScalerUnit.UNIT_WH);
    public static final List<CaptureObject> LOAD_PROFILE_COLUMNS = List.of(
            CaptureObject.CLOCK_TIME,
            new CaptureObject(1, new ObisCode(0, 0, 96, 10, 1, 255), 2, 0),
            new CaptureObject(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2, 0),
            new CaptureObject(3, ObisCode.ACTIVE_ENERGY_EXPORT, 2, 0));

    public final ClockObject clock = new ClockObject(Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    public final List<DlmsData.Structure> loadProfile = loadProfile();
    public final List<DlmsData.Structure> events = List.of(
            new EventLog.Entry(CosemDateTime.of(OffsetDateTime.parse("2026-02-20T03:00:00Z")), 1).toData(),
            new EventLog.Entry(CosemDateTime.of(OffsetDateTime.parse("2026-02-20T03:05:00Z")), 2).toData());
    public final SingleActionScheduleObject pushSchedule = new SingleActionScheduleObject(new ObisCode(0, 0, 15, 0, 4, 255),
            new ObisCode(0, 0, 10, 0, 108, 255), 1, 1, DlmsData.Array.of(SingleActionScheduleObject.dailyAt(0, 20)));
    public int pushes;
    public final ObjectModel model = new ObjectModel();

    public TestMeter() {
        model.add(DataObject.logicalDeviceName(DEVICE_NAME))
                .add(clock)
                .add(new RegisterObject(ObisCode.ACTIVE_ENERGY_IMPORT, ENERGY_SCALER_UNIT, () -> new DlmsData.UInt32(IMPORT_WH)))
                .add(new RegisterObject(ObisCode.ACTIVE_ENERGY_EXPORT, ENERGY_SCALER_UNIT, () -> new DlmsData.UInt32(EXPORT_WH)))
                .add(new ProfileGenericObject(ObisCode.LOAD_PROFILE, LOAD_PROFILE_COLUMNS, 900, DAYS * INTERVALS_PER_DAY, () -> loadProfile))
                .add(EventLog.standard(100, () -> events))
                .add(new PushSetupObject(new ObisCode(0, 1, 25, 9, 0, 255), List.of(
                        new CaptureObject(1, ObisCode.LOGICAL_DEVICE_NAME, 2, 0),
                        new CaptureObject(7, ObisCode.LOAD_PROFILE, 2, 0)), "head-end:4059", () -> pushes++))
                .add(pushSchedule);
        model.add(new AssociationLnObject(model::objects, 16, 1));
    }

    /** Interval end times, oldest first: the entry at index i ends at NOW - (4320 - 1 - i) × 15 min. */
    public static Instant intervalEnd(int index) {
        return NOW.minus(Duration.ofMinutes(15L * (DAYS * INTERVALS_PER_DAY - 1 - index)));
    }

    private static List<DlmsData.Structure> loadProfile() {
        int n = DAYS * INTERVALS_PER_DAY;
        List<DlmsData.Structure> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(DlmsData.Structure.of(
                    new DlmsData.OctetString(CosemDateTime.of(intervalEnd(i).atOffset(ZoneOffset.UTC)).toBytes()),
                    new DlmsData.UInt8(i % 7 == 0 ? 0x80 : 0),
                    new DlmsData.UInt32(100_000L + 25L * i),
                    new DlmsData.UInt32(1_000L + i)));
        }
        return rows;
    }
}
