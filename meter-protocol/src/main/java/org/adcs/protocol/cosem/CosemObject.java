package org.adcs.protocol.cosem;

import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * A COSEM interface-class instance as a server serves it. Meter implementations supply these
 * (usually via the typed views in this package); the server session dispatches to them.
 */
public interface CosemObject {
    int classId();

    int version();

    ObisCode logicalName();

    /** Attribute ids this object serves, for the association's object list (attribute 1 included). */
    List<Integer> attributeIds();

    /** Attribute 1 (logical_name) is answered by the session; others by the object. */
    GetDataResult get(int attributeId, Optional<SelectiveAccess> access);

    default DataAccessResult set(int attributeId, DlmsData value) {
        return DataAccessResult.READ_WRITE_DENIED;
    }

    default ActionOutcome action(int methodId, Optional<DlmsData> parameters) {
        return new ActionOutcome(DataAccessResult.OBJECT_UNAVAILABLE, Optional.empty());
    }

    /** Result of a method invocation: the action result and optional return data. */
    record ActionOutcome(DataAccessResult result, Optional<DlmsData> returnData) {
        public static ActionOutcome success() {
            return new ActionOutcome(DataAccessResult.SUCCESS, Optional.empty());
        }
    }

    static GetDataResult value(DlmsData data) {
        return new GetDataResult.Value(data);
    }

    static GetDataResult failure(DataAccessResult result) {
        return new GetDataResult.Failure(result);
    }
}
