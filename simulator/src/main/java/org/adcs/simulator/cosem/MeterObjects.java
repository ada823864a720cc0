package org.adcs.simulator.cosem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.AssociationLnObject;
import org.adcs.protocol.cosem.CaptureObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.EventLog;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ObjectModel;
import org.adcs.protocol.cosem.PushSetupObject;
import org.adcs.protocol.cosem.RegisterObject;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * A simulated meter as a meter-protocol {@link ObjectModel} (ARCHITECTURE.md, "Protocol"), so any DLMS
 * client can read it. Built per connection when the head-end first speaks, and dropped with the
 * connection: an idle meter holds no objects.
 */
public final class MeterObjects {
    public static final ObisCode PROFILE_STATUS = new ObisCode(0, 0, 96, 10, 1, 255);
    public static final List<CaptureObject> LOAD_PROFILE_COLUMNS = List.of(
            CaptureObject.CLOCK_TIME,
            new CaptureObject(DataObject.CLASS_ID, PROFILE_STATUS, 2, 0),
            new CaptureObject(RegisterObject.CLASS_ID, ObisCode.ACTIVE_ENERGY_IMPORT, 2, 0),
            new CaptureObject(RegisterObject.CLASS_ID, ObisCode.ACTIVE_ENERGY_EXPORT, 2, 0));
    public static final List<CaptureObject> DAILY_BILLING_COLUMNS = List.of(
            CaptureObject.CLOCK_TIME,
            new CaptureObject(RegisterObject.CLASS_ID, ObisCode.ACTIVE_ENERGY_IMPORT, 2, 0),
            new CaptureObject(RegisterObject.CLASS_ID, ObisCode.ACTIVE_ENERGY_EXPORT, 2, 0));
    public static final List<CaptureObject> PUSH_OBJECTS = List.of(
            new CaptureObject(DataObject.CLASS_ID, ObisCode.LOGICAL_DEVICE_NAME, 2, 0),
            CaptureObject.CLOCK_TIME,
            new CaptureObject(7, ObisCode.LOAD_PROFILE, 2, 0),
            new CaptureObject(7, ObisCode.DAILY_BILLING_PROFILE, 2, 0),
            new CaptureObject(7, ObisCode.STANDARD_EVENT_LOG, 2, 0));
    private static final int EVENT_LOG_CAPACITY = 1_000;

    private MeterObjects() {
    }

    public static ObisCode pushSetup(int schedule) {
        return new ObisCode(0, schedule, 25, 9, 0, 255);
    }

    public static ObisCode readSchedule(int schedule) {
        return ReadScheduleObject.logicalName(schedule);
    }

    public static ObjectModel of(SimulatedMeter meter, Clock fleetClock, String headEnd, MeterHooks hooks) {
        ZoneOffset offset = meter.terms().offset();
        MeterHistory history = meter.history();
        ObjectModel model = new ObjectModel();
        model.add(DataObject.logicalDeviceName(meter.name()))
                .add(new MeterClockObject(meter, fleetClock, offset))
                .add(new DataObject(PROFILE_STATUS, () -> new DlmsData.UInt8(0)))
                .add(new RegisterObject(ObisCode.ACTIVE_ENERGY_IMPORT, meter.spec().importUnit(),
                        () -> unsigned(meter.registersNow(fleetClock.instant())[0])))
                .add(new RegisterObject(ObisCode.ACTIVE_ENERGY_EXPORT, meter.spec().exportUnit(),
                        () -> unsigned(meter.registersNow(fleetClock.instant())[1])))
                .add(new LazyProfileObject(ObisCode.LOAD_PROFILE, LOAD_PROFILE_COLUMNS,
                        () -> meter.plan().minutesAt(meter.nowLocal(fleetClock.instant()) + 1) * 60L,
                        meter.spec().memoryDays() * 24L * 60 / 5,
                        (from, to) -> rows(meter.intervals(local(history, from), local(history, to), fleetClock.instant()), offset),
                        minutes -> setInterval(meter, minutes, fleetClock)))
                .add(new LazyProfileObject(ObisCode.DAILY_BILLING_PROFILE, DAILY_BILLING_COLUMNS, () -> 86_400L,
                        meter.spec().memoryDays() + 1L,
                        (from, to) -> billingRows(meter.midnights(local(history, from), local(history, to), fleetClock.instant()), offset),
                        null))
                .add(new LazyProfileObject(ObisCode.STANDARD_EVENT_LOG, EventLog.CAPTURE_OBJECTS, () -> 0L, EVENT_LOG_CAPACITY,
                        (from, to) -> eventRows(meter.events(local(history, from), local(history, to), fleetClock.instant()), offset),
                        null));
        for (int s = 0; s < SimulatedMeter.SCHEDULES; s++) {
            int schedule = s;
            model.add(new PushSetupObject(pushSetup(s), PUSH_OBJECTS, headEnd, () -> hooks.pushNow(meter, schedule)));
            model.add(new ReadScheduleObject(meter, s, hooks));
        }
        model.add(new PushAcknowledgementObject(meter, hooks));
        model.add(new AssociationLnObject(model::objects, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE));
        return model;
    }

    private static boolean setInterval(SimulatedMeter meter, int minutes, Clock fleetClock) {
        if (!org.adcs.simulator.meter.IntervalPlan.isValidLength(minutes)) {
            return false;
        }
        meter.setIntervalMinutes(minutes, fleetClock.instant());
        return true;
    }

    private static long local(MeterHistory history, Instant t) {
        if (t.equals(Instant.MIN)) {
            return Long.MIN_VALUE / 2;
        }
        return t.equals(Instant.MAX) ? Long.MAX_VALUE / 2 : history.localOf(t);
    }

    /** A register value as the smallest unsigned type that holds it. */
    public static DlmsData unsigned(long value) {
        return value <= 0xFFFF_FFFFL ? new DlmsData.UInt32(value) : new DlmsData.UInt64(value);
    }

    public static DlmsData time(Instant t, ZoneOffset offset) {
        return new DlmsData.OctetString(CosemDateTime.of(t.atOffset(offset)).toBytes());
    }

    public static List<DlmsData.Structure> rows(List<IntervalReading> intervals, ZoneOffset offset) {
        List<DlmsData.Structure> out = new ArrayList<>(intervals.size());
        for (IntervalReading r : intervals) {
            out.add(DlmsData.Structure.of(time(r.end(), offset), new DlmsData.UInt8(r.status()),
                    unsigned(r.importRaw()), unsigned(r.exportRaw())));
        }
        return out;
    }

    public static List<DlmsData.Structure> billingRows(List<MidnightRegisters> midnights, ZoneOffset offset) {
        List<DlmsData.Structure> out = new ArrayList<>(midnights.size());
        for (MidnightRegisters m : midnights) {
            out.add(DlmsData.Structure.of(time(m.midnight(), offset), unsigned(m.importRaw()), unsigned(m.exportRaw())));
        }
        return out;
    }

    public static List<DlmsData.Structure> eventRows(List<MeterEvent> events, ZoneOffset offset) {
        List<DlmsData.Structure> out = new ArrayList<>(events.size());
        for (MeterEvent e : events) {
            out.add(new EventLog.Entry(CosemDateTime.of(e.time().atOffset(offset)), e.code()).toData());
        }
        return out;
    }
}
