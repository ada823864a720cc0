package org.adcs.simulator.cosem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * The meter's clock 0.0.1.0.0.255 as meter-protocol's {@link ClockObject} serves it, with the time
 * kept in the meter (drift, corrections) so a correction outlives the connection. A SET moves the
 * meter's clock and logs the old and new time (R-SCH-8, R-CLK-2).
 */
final class MeterClockObject implements CosemObject {
    private final SimulatedMeter meter;
    private final Clock fleetClock;
    private final ClockObject view;

    MeterClockObject(SimulatedMeter meter, Clock fleetClock, ZoneOffset offset) {
        this.meter = meter;
        this.fleetClock = fleetClock;
        this.view = new ClockObject(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return meter.now(fleetClock.instant());
            }
        }, offset);
    }

    @Override
    public int classId() {
        return ClockObject.CLASS_ID;
    }

    @Override
    public int version() {
        return view.version();
    }

    @Override
    public ObisCode logicalName() {
        return ObisCode.CLOCK;
    }

    @Override
    public List<Integer> attributeIds() {
        return view.attributeIds();
    }

    @Override
    public GetDataResult get(int attributeId, Optional<SelectiveAccess> access) {
        return view.get(attributeId, access);
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData value) {
        // a throw-away view validates the value; its corrected now() is the time the head-end asked for
        ClockObject probe = new ClockObject(fleetClock, ZoneOffset.UTC);
        DataAccessResult result = probe.set(attributeId, value);
        if (result == DataAccessResult.SUCCESS) {
            meter.setClock(probe.now(), fleetClock.instant());
        } else if (attributeId == 2) {
            meter.logEvent(meter.now(fleetClock.instant()), EventCode.CLOCK_SET_FAILED);
        }
        return result;
    }
}
