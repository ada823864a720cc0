package org.adcs.protocol.cosem;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Data (class 1) whose value the client may SET, e.g. {@link ObisCode#PUSH_ACKNOWLEDGEMENT}. A value
 * the meter does not accept ({@code accepts} false) is refused with type-unmatched.
 */
public final class WritableDataObject extends BaseObject {
    private final Predicate<DlmsData> accepts;
    private volatile DlmsData value;

    public WritableDataObject(ObisCode logicalName, DlmsData initial, Predicate<DlmsData> accepts) {
        super(logicalName);
        this.value = initial;
        this.accepts = accepts;
    }

    /** The push acknowledgement: a date-time octet-string, initially "never". */
    public static WritableDataObject pushAcknowledgement() {
        return new WritableDataObject(ObisCode.PUSH_ACKNOWLEDGEMENT, new DlmsData.OctetString(new byte[12]),
                d -> d instanceof DlmsData.OctetString s && CosemDateTime.fromBytes(s.value()).isPresent());
    }

    public DlmsData value() {
        return value;
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
    public List<Integer> attributeIds() {
        return List.of(1, 2);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (attributeId != 2) {
            return CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        }
        return access.isPresent() ? CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED) : CosemObject.value(value);
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData newValue) {
        if (attributeId != 2) {
            return DataAccessResult.READ_WRITE_DENIED;
        }
        if (!accepts.test(newValue)) {
            return DataAccessResult.TYPE_UNMATCHED;
        }
        value = newValue;
        return DataAccessResult.SUCCESS;
    }
}
