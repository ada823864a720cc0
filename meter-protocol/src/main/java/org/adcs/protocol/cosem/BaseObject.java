package org.adcs.protocol.cosem;

import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/** Common ground of the typed views: logical_name (attribute 1) and "no selective access" by default. */
abstract class BaseObject implements CosemObject {
    private final ObisCode logicalName;

    BaseObject(ObisCode logicalName) {
        this.logicalName = logicalName;
    }

    @Override
    public final ObisCode logicalName() {
        return logicalName;
    }

    @Override
    public final GetDataResult get(int attributeId, Optional<SelectiveAccess> access) {
        if (attributeId == 1) {
            return access.isPresent() ? CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED)
                    : CosemObject.value(new DlmsData.OctetString(logicalName.toBytes()));
        }
        return read(attributeId, access);
    }

    /** Attributes 2..n; selective access is refused unless the class supports it. */
    abstract GetDataResult read(int attributeId, Optional<SelectiveAccess> access);
}
