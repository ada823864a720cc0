package org.adcs.simulator.cosem;

import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.SingleActionScheduleObject;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * A read schedule as a single action schedule (class 22) 0.s.15.0.4.255: s = 0 is the default daily
 * push, 1..4 the settable non-default schedules (R-SCH-5). The execution times live in the meter; a
 * SET is validated (shape by meter-protocol, then hour, minute and count here), stored and
 * acknowledged with the data-access-result, which is the meter's acknowledgement (R-SCH-7).
 */
final class ReadScheduleObject implements CosemObject {
    static final ObisCode SCRIPT_TABLE = new ObisCode(0, 0, 10, 0, 108, 255);
    static final int MAX_TIMES = 96;
    private final SimulatedMeter meter;
    private final int index;
    private final MeterHooks hooks;
    private final ObisCode logicalName;

    ReadScheduleObject(SimulatedMeter meter, int index, MeterHooks hooks) {
        this.meter = meter;
        this.index = index;
        this.hooks = hooks;
        this.logicalName = logicalName(index);
    }

    static ObisCode logicalName(int index) {
        return new ObisCode(0, index, 15, 0, 4, 255);
    }

    private SingleActionScheduleObject view() {
        return new SingleActionScheduleObject(logicalName, SCRIPT_TABLE, index + 1, 1, meter.schedule(index));
    }

    @Override
    public int classId() {
        return SingleActionScheduleObject.CLASS_ID;
    }

    @Override
    public int version() {
        return 0;
    }

    @Override
    public ObisCode logicalName() {
        return logicalName;
    }

    @Override
    public List<Integer> attributeIds() {
        return List.of(1, 2, 3, 4);
    }

    @Override
    public GetDataResult get(int attributeId, Optional<SelectiveAccess> access) {
        return view().get(attributeId, access);
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData value) {
        DataAccessResult shape = view().set(attributeId, value);
        if (shape != DataAccessResult.SUCCESS) {
            return shape;
        }
        DlmsData.Array times = (DlmsData.Array) value;
        if (times.elements().size() > MAX_TIMES || !times.elements().stream().allMatch(ReadScheduleObject::validTime)
                || shortestGapMinutes(times) < meter.plan().minutesAt(Long.MAX_VALUE / 4)) {
            return DataAccessResult.OTHER_REASON; // R-SCH-5: never more often than the recording interval
        }
        meter.setSchedule(index, times);
        hooks.scheduleChanged(meter, index);
        return DataAccessResult.SUCCESS;
    }

    /** The shortest time between two reads of a day (wrapping past midnight); a day if there is at most one. */
    static int shortestGapMinutes(DlmsData.Array times) {
        java.util.TreeSet<Integer> minutes = new java.util.TreeSet<>();
        for (DlmsData entry : times.elements()) {
            byte[] time = ((DlmsData.OctetString) ((DlmsData.Structure) entry).elements().get(0)).value();
            int hour = time[0] & 0xFF;
            int minute = time[1] & 0xFF;
            for (int h = hour == 0xFF ? 0 : hour; h <= (hour == 0xFF ? 23 : hour); h++) {
                minutes.add(h * 60 + minute);
            }
        }
        if (minutes.size() < 2) {
            return 1440;
        }
        int shortest = 1440 - minutes.last() + minutes.first();
        Integer previous = null;
        for (int m : minutes) {
            if (previous != null) {
                shortest = Math.min(shortest, m - previous);
            }
            previous = m;
        }
        return shortest;
    }

    /** Hour 0..23 or every hour (0xFF), minute 0..59: a read at most hourly at a fixed minute. */
    static boolean validTime(DlmsData entry) {
        byte[] time = ((DlmsData.OctetString) ((DlmsData.Structure) entry).elements().get(0)).value();
        int hour = time[0] & 0xFF;
        int minute = time[1] & 0xFF;
        return (hour <= 23 || hour == 0xFF) && minute <= 59;
    }
}
