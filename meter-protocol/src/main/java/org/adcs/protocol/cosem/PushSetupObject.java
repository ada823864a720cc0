package org.adcs.protocol.cosem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Push Setup (class 40) 0.x.25.9.0.255: what a push sends (attribute 2, push_object_list) and where
 * (attribute 3). Method 1 (push) asks the meter implementation to send the DataNotification now.
 */
public final class PushSetupObject extends BaseObject {
    public static final int CLASS_ID = 40;
    /** Transport TCP (0), message A-XDR encoded xDLMS APDU (0). */
    private static final int TRANSPORT_TCP = 0;
    private static final int MESSAGE_AXDR = 0;

    private final List<CaptureObject> pushObjects;
    private final String destination;
    private final Runnable pushTrigger;

    public PushSetupObject(ObisCode logicalName, List<CaptureObject> pushObjects, String destination, Runnable pushTrigger) {
        super(logicalName);
        this.pushObjects = List.copyOf(pushObjects);
        this.destination = destination;
        this.pushTrigger = pushTrigger;
    }

    public List<CaptureObject> pushObjects() {
        return pushObjects;
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
        return List.of(1, 2, 3, 5, 6, 7);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return switch (attributeId) {
            case 2 -> {
                List<DlmsData> objects = new ArrayList<>();
                pushObjects.forEach(p -> objects.add(p.toData()));
                yield CosemObject.value(new DlmsData.Array(objects));
            }
            case 3 -> CosemObject.value(DlmsData.Structure.of(new DlmsData.Enum(TRANSPORT_TCP),
                    new DlmsData.OctetString(destination.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                    new DlmsData.Enum(MESSAGE_AXDR)));
            case 5 -> CosemObject.value(new DlmsData.UInt16(0));
            case 6 -> CosemObject.value(new DlmsData.UInt8(3));
            case 7 -> CosemObject.value(new DlmsData.UInt16(60));
            default -> CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        };
    }

    @Override
    public ActionOutcome action(int methodId, Optional<DlmsData> parameters) {
        if (methodId != 1) {
            return new ActionOutcome(DataAccessResult.OBJECT_UNDEFINED, Optional.empty());
        }
        pushTrigger.run();
        return ActionOutcome.success();
    }
}
