package org.adcs.protocol.cosem;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/** Register (class 3): a value (attribute 2) with its scaler_unit (attribute 3), e.g. 1.0.1.8.0.255 in Wh. */
public final class RegisterObject extends BaseObject {
    public static final int CLASS_ID = 3;
    private final Supplier<DlmsData> value;
    private final ScalerUnit scalerUnit;

    public RegisterObject(ObisCode logicalName, ScalerUnit scalerUnit, Supplier<DlmsData> value) {
        super(logicalName);
        this.value = value;
        this.scalerUnit = scalerUnit;
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
        return List.of(1, 2, 3);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return switch (attributeId) {
            case 2 -> CosemObject.value(value.get());
            case 3 -> CosemObject.value(scalerUnit.toData());
            default -> CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        };
    }
}
