package org.adcs.protocol.cosem;

import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;

/** A capture_object_definition of a profile generic (class 7, attribute 3) and of range restrictions. */
public record CaptureObject(int classId, ObisCode logicalName, int attributeIndex, int dataIndex) {
    public static final CaptureObject CLOCK_TIME = new CaptureObject(8, ObisCode.CLOCK, 2, 0);

    public DlmsData toData() {
        return DlmsData.Structure.of(new DlmsData.UInt16(classId), new DlmsData.OctetString(logicalName.toBytes()),
                new DlmsData.Int8(attributeIndex), new DlmsData.UInt16(dataIndex));
    }

    public static Optional<CaptureObject> fromData(DlmsData data) {
        if (data instanceof DlmsData.Structure s && s.elements().size() == 4
                && s.elements().get(0) instanceof DlmsData.UInt16 classId
                && s.elements().get(1) instanceof DlmsData.OctetString ln && ln.length() == 6
                && s.elements().get(2) instanceof DlmsData.Int8 attribute
                && s.elements().get(3) instanceof DlmsData.UInt16 dataIndex) {
            return Optional.of(new CaptureObject(classId.value(), ObisCode.fromBytes(ln.value()), attribute.value(), dataIndex.value()));
        }
        return Optional.empty();
    }
}
