package org.adcs.simulator.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * The DataNotifications a meter sends. Every data push has one layout (the meter-protocol benchmark's
 * daily push): {identifier, timestamp, [interval rows], [midnight register rows], [event rows]}, an
 * interval row being {end, status, import, status, export} and a register row {OBIS, value,
 * scaler-unit}. The identifying push after dialling in is {identifier} alone.
 */
public final class PushComposer {
    private PushComposer() {
    }

    /** A composed push and what the meter may mark as delivered once it is written (R-SCH-6). */
    public record Push(byte[] apdu, long intervalsUntilLocal, long eventsUntilLocal, DlmsData body) {
    }

    public static byte[] announcement(SimulatedMeter meter, Instant fleetNow) {
        DlmsData body = DlmsData.Structure.of(name(meter));
        return encode(meter, body, fleetNow);
    }

    /**
     * A scheduled push (R-COL-1, R-SCH-6): the default schedule (0) sends complete days up to the last
     * midnight, the others up to the last completed interval; each starts where the last successful
     * push ended, so a failed push is caught up by the next.
     */
    public static Push scheduled(SimulatedMeter meter, int schedule, Instant fleetNow) {
        long now = meter.nowLocal(fleetNow);
        long midnight = Math.floorDiv(now, MeterHistory.DAY_SECONDS) * MeterHistory.DAY_SECONDS;
        long cutoff = schedule == 0 ? midnight : Math.max(midnight, meter.plan().lastEndAtOrBefore(now));
        long from = meter.pushedUntilLocal();
        List<IntervalReading> intervals = cutoff > from ? meter.intervals(from + 1, cutoff, fleetNow) : List.of();
        List<MidnightRegisters> registers = meter.midnights(midnight, midnight, fleetNow);
        List<MeterEvent> events = meter.events(meter.eventsPushedUntilLocal() + 1, now, fleetNow);
        DlmsData body = body(meter, fleetNow, intervals, registers, events);
        return new Push(encode(meter, body, fleetNow), Math.max(from, cutoff), now, body);
    }

    /** Events logged since the last push, pushed as they happen (R-EV-1); empty if there are none. */
    public static Optional<Push> events(SimulatedMeter meter, Instant fleetNow) {
        return events(meter, fleetNow, Long.MIN_VALUE);
    }

    /**
     * Events up to now, or up to {@code atLeastUntilLocal} if later: a meter's last gasp reports the
     * power-down it logs at the outage start even when its clock runs a few seconds behind.
     */
    public static Optional<Push> events(SimulatedMeter meter, Instant fleetNow, long atLeastUntilLocal) {
        long now = Math.max(meter.nowLocal(fleetNow), atLeastUntilLocal);
        List<MeterEvent> events = meter.events(meter.eventsPushedUntilLocal() + 1, now, fleetNow.plusSeconds(Math.max(0, now - meter.nowLocal(fleetNow))));
        if (events.isEmpty()) {
            return Optional.empty();
        }
        DlmsData body = body(meter, fleetNow, List.of(), List.of(), events);
        return Optional.of(new Push(encode(meter, body, fleetNow), meter.pushedUntilLocal(), now, body));
    }

    static DlmsData body(SimulatedMeter meter, Instant fleetNow, List<IntervalReading> intervals,
                         List<MidnightRegisters> registers, List<MeterEvent> events) {
        ZoneOffset offset = meter.terms().offset();
        List<DlmsData> rows = new ArrayList<>(intervals.size());
        for (IntervalReading r : intervals) {
            DlmsData status = new DlmsData.UInt8(r.status());
            rows.add(DlmsData.Structure.of(MeterObjects.time(r.end(), offset), status, MeterObjects.unsigned(r.importRaw()),
                    status, MeterObjects.unsigned(r.exportRaw())));
        }
        List<DlmsData> registerRows = new ArrayList<>();
        for (MidnightRegisters m : registers) {
            registerRows.add(DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_IMPORT.toBytes()),
                    MeterObjects.unsigned(m.importRaw()), meter.spec().importUnit().toData()));
            registerRows.add(DlmsData.Structure.of(new DlmsData.OctetString(ObisCode.ACTIVE_ENERGY_EXPORT.toBytes()),
                    MeterObjects.unsigned(m.exportRaw()), meter.spec().exportUnit().toData()));
        }
        return DlmsData.Structure.of(name(meter), MeterObjects.time(meter.now(fleetNow), offset), new DlmsData.Array(rows),
                new DlmsData.Array(registerRows), new DlmsData.Array(new ArrayList<>(MeterObjects.eventRows(events, offset))));
    }

    private static DlmsData name(SimulatedMeter meter) {
        return new DlmsData.OctetString(meter.name().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] encode(SimulatedMeter meter, DlmsData body, Instant fleetNow) {
        CosemDateTime time = CosemDateTime.of(meter.now(fleetNow).atOffset(meter.terms().offset()));
        return ApduCodec.encode(new DataNotification(meter.nextPushInvokeId(), Optional.of(time), body));
    }
}
