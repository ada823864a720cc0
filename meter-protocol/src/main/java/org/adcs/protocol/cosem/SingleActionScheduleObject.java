package org.adcs.protocol.cosem;

import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Single Action Schedule (class 22): the push times the head-end writes (R-SCH-3). Attribute 4,
 * execution_time, is an array of {time: octet-string(4), date: octet-string(5)}; a write with
 * any other shape is refused with type-unmatched, which is the meter "validating" the schedule.
 */
public final class SingleActionScheduleObject extends BaseObject {
    public static final int CLASS_ID = 22;
    private final DlmsData executedScript;
    private final int type;
    private volatile DlmsData.Array executionTimes;

    public SingleActionScheduleObject(ObisCode logicalName, ObisCode scriptTable, int scriptSelector, int type,
                                      DlmsData.Array executionTimes) {
        super(logicalName);
        this.executedScript = DlmsData.Structure.of(new DlmsData.OctetString(scriptTable.toBytes()), new DlmsData.UInt16(scriptSelector));
        this.type = type;
        if (!validTimes(executionTimes)) {
            throw new IllegalArgumentException("execution_time entries are {octet-string(4), octet-string(5)}");
        }
        this.executionTimes = executionTimes;
    }

    /** execution_time for once a day at {@code time} (to the minute), every date a wildcard. */
    public static DlmsData.Array onceADayAt(java.time.LocalTime time) {
        return DlmsData.Array.of(dailyAt(time.getHour(), time.getMinute()));
    }

    public DlmsData.Array executionTimes() {
        return executionTimes;
    }

    @Override
    public int classId() {
        return CLASS_ID;
    }

    @Override
    public int version() {
        return 0;
    }

    @Override
    public List<Integer> attributeIds() {
        return List.of(1, 2, 3, 4);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return switch (attributeId) {
            case 2 -> CosemObject.value(executedScript);
            case 3 -> CosemObject.value(new DlmsData.Enum(type));
            case 4 -> CosemObject.value(executionTimes);
            default -> CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        };
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData value) {
        if (attributeId != 4) {
            return DataAccessResult.READ_WRITE_DENIED;
        }
        if (!(value instanceof DlmsData.Array times) || !validTimes(times)) {
            return DataAccessResult.TYPE_UNMATCHED;
        }
        executionTimes = times;
        return DataAccessResult.SUCCESS;
    }

    private static boolean validTimes(DlmsData.Array times) {
        for (DlmsData t : times.elements()) {
            if (!(t instanceof DlmsData.Structure s) || s.elements().size() != 2
                    || !(s.elements().get(0) instanceof DlmsData.OctetString time) || time.length() != 4
                    || !(s.elements().get(1) instanceof DlmsData.OctetString date) || date.length() != 5) {
                return false;
            }
        }
        return true;
    }

    /** An execution time every day at hh:mm:00 (date fields not specified). */
    public static DlmsData dailyAt(int hour, int minute) {
        return DlmsData.Structure.of(new DlmsData.OctetString(new byte[] {(byte) hour, (byte) minute, 0, 0}),
                new DlmsData.OctetString(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
    }
}
