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
import org.adcs.simulator.meter.PushWindow;
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

    /**
     * A composed push. {@code timeMillis} is its own timestamp element (meter time), which the head-end
     * sends back to acknowledge it; {@code eventsUntilLocal} is how far an events-only push reported.
     */
    public record Push(byte[] apdu, long timeMillis, long eventsUntilLocal, DlmsData body) {
    }

    public static byte[] announcement(SimulatedMeter meter, Instant fleetNow) {
        DlmsData body = DlmsData.Structure.of(name(meter));
        return encode(meter, body, fleetNow);
    }

    /**
     * A scheduled push (R-COL-1, R-SCH-6): the default schedule (0) sends complete days up to the last
     * midnight, the others up to the last completed interval; each starts where the last acknowledged
     * push ended, so an unacknowledged push is carried again by the next.
     */
    public static Push scheduled(SimulatedMeter meter, int schedule, Instant fleetNow) {
        PushWindow window = meter.openScheduledPush(stampMillis(meter, fleetNow), schedule == 0);
        return compose(meter, window, fleetNow);
    }

    /**
     * The meter's unacknowledged scheduled push, sent again: the same body (same timestamp, days,
     * registers and events) in a new DataNotification (new invoke id, sending time now).
     */
    public static Optional<Push> unacknowledged(SimulatedMeter meter, Instant fleetNow) {
        return meter.unacknowledgedPush().map(w -> compose(meter, w, fleetNow));
    }

    private static Push compose(SimulatedMeter meter, PushWindow w, Instant fleetNow) {
        long now = w.time().getEpochSecond() + meter.terms().offset().getTotalSeconds();
        long midnight = Math.floorDiv(now, MeterHistory.DAY_SECONDS) * MeterHistory.DAY_SECONDS;
        List<IntervalReading> intervals = w.intervalsUntilLocal() > w.intervalsAfterLocal()
                ? meter.intervalsHeldAt(w.intervalsAfterLocal() + 1, w.intervalsUntilLocal(), now) : List.of();
        List<MidnightRegisters> registers = meter.midnightsHeldAt(midnight, midnight, now);
        List<MeterEvent> events = meter.eventsHeldAt(w.eventsFromLocal(), now, now);
        DlmsData body = body(meter, w.time(), intervals, registers, events);
        return new Push(encode(meter, body, fleetNow), w.timeMillis(), now, body);
    }

    /** The meter's time now as a push timestamp: to the hundredth, as the COSEM date-time carries it. */
    private static long stampMillis(SimulatedMeter meter, Instant fleetNow) {
        long millis = meter.now(fleetNow).toEpochMilli();
        return millis - Math.floorMod(millis, 10);
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
        long stamp = meter.stampEventsOnlyPush(stampMillis(meter, fleetNow));
        DlmsData body = body(meter, Instant.ofEpochMilli(stamp), List.of(), List.of(), events);
        return Optional.of(new Push(encode(meter, body, fleetNow), stamp, now, body));
    }

    static DlmsData body(SimulatedMeter meter, Instant meterTime, List<IntervalReading> intervals,
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
        return DlmsData.Structure.of(name(meter), MeterObjects.time(meterTime, offset), new DlmsData.Array(rows),
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
