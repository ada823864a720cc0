package org.adcs.protocol.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.axdr.DlmsData;
import org.openmuc.jdlms.datatypes.BitString;
import org.openmuc.jdlms.datatypes.DataObject;

/** Converts between our A-XDR values and jDLMS's, so the two stacks' views can be compared. */
final class JdlmsData {
    private JdlmsData() {
    }

    static DataObject toJdlms(DlmsData d) {
        if (d instanceof DlmsData.NullData) {
            return DataObject.newNullData();
        } else if (d instanceof DlmsData.Array a) {
            return DataObject.newArrayData(convert(a.elements()));
        } else if (d instanceof DlmsData.Structure s) {
            return DataObject.newStructureData(convert(s.elements()));
        } else if (d instanceof DlmsData.BooleanData b) {
            return DataObject.newBoolData(b.value());
        } else if (d instanceof DlmsData.BitString b) {
            return DataObject.newBitStringData(new BitString(b.bits(), b.bitLength()));
        } else if (d instanceof DlmsData.Int32 v) {
            return DataObject.newInteger32Data(v.value());
        } else if (d instanceof DlmsData.UInt32 v) {
            return DataObject.newUInteger32Data(v.value());
        } else if (d instanceof DlmsData.OctetString v) {
            return DataObject.newOctetStringData(v.value());
        } else if (d instanceof DlmsData.VisibleString v) {
            return DataObject.newVisibleStringData(v.value().getBytes(StandardCharsets.US_ASCII));
        } else if (d instanceof DlmsData.Int8 v) {
            return DataObject.newInteger8Data((byte) v.value());
        } else if (d instanceof DlmsData.Int16 v) {
            return DataObject.newInteger16Data((short) v.value());
        } else if (d instanceof DlmsData.UInt8 v) {
            return DataObject.newUInteger8Data((short) v.value());
        } else if (d instanceof DlmsData.UInt16 v) {
            return DataObject.newUInteger16Data(v.value());
        } else if (d instanceof DlmsData.Int64 v) {
            return DataObject.newInteger64Data(v.value());
        } else if (d instanceof DlmsData.UInt64 v) {
            return DataObject.newUInteger64Data(v.value());
        } else if (d instanceof DlmsData.Enum v) {
            return DataObject.newEnumerateData(v.value());
        } else if (d instanceof DlmsData.Float32 v) {
            return DataObject.newFloat32Data(v.value());
        } else if (d instanceof DlmsData.Float64 v) {
            return DataObject.newFloat64Data(v.value());
        }
        throw new IllegalArgumentException("no jDLMS counterpart used in these tests: " + d);
    }

    private static List<DataObject> convert(List<DlmsData> elements) {
        List<DataObject> out = new ArrayList<>();
        elements.forEach(e -> out.add(toJdlms(e)));
        return out;
    }

    static DlmsData fromJdlms(DataObject d) {
        switch (d.getType()) {
            case NULL_DATA:
                return DlmsData.NullData.INSTANCE;
            case ARRAY:
            case STRUCTURE: {
                List<DlmsData> elements = new ArrayList<>();
                List<DataObject> values = d.getValue();
                values.forEach(v -> elements.add(fromJdlms(v)));
                return d.getType() == DataObject.Type.ARRAY ? new DlmsData.Array(elements) : new DlmsData.Structure(elements);
            }
            case BOOLEAN:
                return new DlmsData.BooleanData(d.getValue());
            case DOUBLE_LONG:
                return new DlmsData.Int32((int) number(d));
            case DOUBLE_LONG_UNSIGNED:
                return new DlmsData.UInt32(number(d));
            case OCTET_STRING:
                return new DlmsData.OctetString(d.getValue());
            case VISIBLE_STRING:
                return new DlmsData.VisibleString(new String((byte[]) d.getValue(), StandardCharsets.US_ASCII));
            case INTEGER:
                return new DlmsData.Int8((int) number(d));
            case LONG_INTEGER:
                return new DlmsData.Int16((int) number(d));
            case UNSIGNED:
                return new DlmsData.UInt8((int) number(d));
            case LONG_UNSIGNED:
                return new DlmsData.UInt16((int) number(d));
            case LONG64:
                return new DlmsData.Int64(number(d));
            case LONG64_UNSIGNED:
                return new DlmsData.UInt64(number(d));
            case ENUMERATE:
                return new DlmsData.Enum((int) number(d));
            default:
                throw new IllegalArgumentException("not used in these tests: " + d.getType());
        }
    }

    private static long number(DataObject d) {
        return ((Number) d.getValue()).longValue();
    }
}
