package org.adcs.protocol.cosem;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/** Data (class 1): one value, e.g. the logical device name 0.0.42.0.0.255 that identifies the meter. */
public class DataObject extends BaseObject {
    public static final int CLASS_ID = 1;
    private final Supplier<DlmsData> value;

    public DataObject(ObisCode logicalName, Supplier<DlmsData> value) {
        super(logicalName);
        this.value = value;
    }

    /** The logical device name object; the name is the meter's identity (ARCHITECTURE.md, "Data flow"). */
    public static DataObject logicalDeviceName(String name) {
        DlmsData data = new DlmsData.OctetString(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new DataObject(ObisCode.LOGICAL_DEVICE_NAME, () -> data);
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
        return List.of(1, 2);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (attributeId != 2) {
            return CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        }
        return access.isPresent() ? CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED) : CosemObject.value(value.get());
    }
}
