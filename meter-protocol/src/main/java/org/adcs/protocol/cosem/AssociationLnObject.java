package org.adcs.protocol.cosem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Association LN (class 15, version 1) 0.0.40.0.0.255, enough to list the objects (attribute 2) and
 * the partners (attribute 3). Access rights report read access to every listed attribute.
 */
public final class AssociationLnObject extends BaseObject {
    public static final int CLASS_ID = 15;
    private static final int READ_ONLY = 1;
    private final Supplier<List<CosemObject>> objects;
    private final int clientSap;
    private final int serverSap;

    public AssociationLnObject(Supplier<List<CosemObject>> objects, int clientSap, int serverSap) {
        super(ObisCode.CURRENT_ASSOCIATION);
        this.objects = objects;
        this.clientSap = clientSap;
        this.serverSap = serverSap;
    }

    @Override
    public int classId() {
        return CLASS_ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<Integer> attributeIds() {
        return List.of(1, 2, 3, 8);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return switch (attributeId) {
            case 2 -> CosemObject.value(objectList());
            case 3 -> CosemObject.value(DlmsData.Structure.of(new DlmsData.Int8(clientSap), new DlmsData.UInt16(serverSap)));
            case 8 -> CosemObject.value(new DlmsData.Enum(2)); // associated
            default -> CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        };
    }

    private DlmsData objectList() {
        List<DlmsData> list = new ArrayList<>();
        List<CosemObject> all = new ArrayList<>(objects.get());
        if (all.stream().noneMatch(o -> o.logicalName().equals(logicalName()))) {
            all.add(this);
        }
        for (CosemObject o : all) {
            List<DlmsData> attributeAccess = new ArrayList<>();
            for (int id : o.attributeIds()) {
                attributeAccess.add(DlmsData.Structure.of(new DlmsData.Int8(id), new DlmsData.Enum(READ_ONLY), DlmsData.NullData.INSTANCE));
            }
            list.add(DlmsData.Structure.of(new DlmsData.UInt16(o.classId()), new DlmsData.UInt8(o.version()),
                    new DlmsData.OctetString(o.logicalName().toBytes()),
                    DlmsData.Structure.of(new DlmsData.Array(attributeAccess), new DlmsData.Array(List.of()))));
        }
        return new DlmsData.Array(list);
    }

    /** Client side: the (class id, logical name) pairs of an object list. */
    public static Optional<List<CaptureObject>> parseObjectList(DlmsData value) {
        if (!(value instanceof DlmsData.Array array)) {
            return Optional.empty();
        }
        List<CaptureObject> out = new ArrayList<>();
        for (DlmsData e : array.elements()) {
            if (!(e instanceof DlmsData.Structure s) || s.elements().size() != 4
                    || !(s.elements().get(0) instanceof DlmsData.UInt16 classId)
                    || !(s.elements().get(2) instanceof DlmsData.OctetString ln) || ln.length() != 6) {
                return Optional.empty();
            }
            out.add(new CaptureObject(classId.value(), ObisCode.fromBytes(ln.value()), 0, 0));
        }
        return Optional.of(out);
    }
}
