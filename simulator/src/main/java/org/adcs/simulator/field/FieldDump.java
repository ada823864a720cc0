package org.adcs.simulator.field;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.field.FieldDumpFile;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * A meter's whole memory as a field service terminal downloads it (R-FLD-2), in the field dump
 * format of {@link FieldDumpFile} (meter-protocol), which the head-end reads with the same code.
 */
public final class FieldDump {

    private FieldDump() {
    }

    /** The dump of a meter's memory now; the meter logs the download first, so the dump shows it (R-SCH-8). */
    public static byte[] write(SimulatedMeter meter, Instant fleetNow) {
        meter.logEvent(meter.now(fleetNow), EventCode.FIELD_DOWNLOAD);
        ZoneOffset offset = meter.terms().offset();
        long now = meter.nowLocal(fleetNow);
        long from = meter.memoryStartLocal(now);
        List<DlmsData> quality = new ArrayList<>();
        MeterHistory history = meter.history();
        for (long day = Math.floorDiv(from, MeterHistory.DAY_SECONDS); day <= Math.floorDiv(now, MeterHistory.DAY_SECONDS); day++) {
            int[] v = history.voltage(day);
            quality.add(DlmsData.Structure.of(MeterObjects.time(history.instantOf(day * MeterHistory.DAY_SECONDS), offset),
                    new DlmsData.UInt16(v[0]), new DlmsData.UInt16(v[1]), new DlmsData.UInt16(v[2])));
        }
        DlmsData.Structure body = DlmsData.Structure.of(
                new DlmsData.OctetString(meter.name().getBytes(StandardCharsets.US_ASCII)),
                MeterObjects.time(meter.now(fleetNow), offset),
                DlmsData.Array.of(
                        DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_IMPORT.toBytes()), meter.spec().importUnit().toData()),
                        DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_EXPORT.toBytes()), meter.spec().exportUnit().toData())),
                new DlmsData.UInt32(meter.plan().minutesAt(now + 1) * 60L),
                new DlmsData.Array(new ArrayList<>(MeterObjects.rows(meter.intervals(from, now, fleetNow), offset))),
                new DlmsData.Array(new ArrayList<>(MeterObjects.billingRows(meter.midnights(from, now, fleetNow), offset))),
                new DlmsData.Array(new ArrayList<>(MeterObjects.eventRows(meter.events(from, now, fleetNow), offset))),
                new DlmsData.Array(quality));
        return FieldDumpFile.frame(body);
    }

    /** Reads and checks a dump; any defect is an {@link IllegalArgumentException} saying which. */
    public static FieldDumpFile.Content read(byte[] file) {
        return FieldDumpFile.read(file);
    }
}
