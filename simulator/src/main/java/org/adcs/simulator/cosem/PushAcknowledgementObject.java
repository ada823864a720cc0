package org.adcs.simulator.cosem;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * The push acknowledgement, Data (class 1) {@link ObisCode#PUSH_ACKNOWLEDGEMENT}: once the head-end
 * has stored a push it SETs attribute 2 to the push's own timestamp element (R-COL-1). Only then is
 * the push delivered for the meter; until then the meter sends it again (R-SCH-6). A value that is
 * not a date-time is type-unmatched; a date-time of no push the meter awaits an acknowledgement for
 * is refused with other-reason and changes nothing. Reading attribute 2 gives the timestamp last
 * acknowledged (12 zero bytes before the first).
 */
final class PushAcknowledgementObject implements CosemObject {
    private static final int VALUE = 2;
    private final SimulatedMeter meter;
    private final MeterHooks hooks;

    PushAcknowledgementObject(SimulatedMeter meter, MeterHooks hooks) {
        this.meter = meter;
        this.hooks = hooks;
    }

    @Override
    public int classId() {
        return DataObject.CLASS_ID;
    }

    @Override
    public int version() {
        return 0;
    }

    @Override
    public ObisCode logicalName() {
        return ObisCode.PUSH_ACKNOWLEDGEMENT;
    }

    @Override
    public List<Integer> attributeIds() {
        return List.of(1, VALUE);
    }

    @Override
    public GetDataResult get(int attributeId, Optional<SelectiveAccess> access) {
        if (attributeId != VALUE) {
            return CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        }
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        long millis = meter.lastAcknowledgedMillis();
        byte[] value = millis == 0 ? new byte[12]
                : CosemDateTime.of(Instant.ofEpochMilli(millis).atOffset(meter.terms().offset())).toBytes();
        return CosemObject.value(new DlmsData.OctetString(value));
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData value) {
        if (attributeId != VALUE) {
            return DataAccessResult.READ_WRITE_DENIED;
        }
        Optional<Instant> time = value instanceof DlmsData.OctetString s
                ? CosemDateTime.fromBytes(s.value()).flatMap(CosemDateTime::toOffsetDateTime).map(OffsetDateTime::toInstant)
                : Optional.empty();
        if (time.isEmpty()) {
            return DataAccessResult.TYPE_UNMATCHED;
        }
        SimulatedMeter.Acknowledgement result = meter.acknowledge(time.get().toEpochMilli());
        hooks.pushAcknowledged(meter, result);
        return result == SimulatedMeter.Acknowledgement.UNKNOWN ? DataAccessResult.OTHER_REASON : DataAccessResult.SUCCESS;
    }
}
