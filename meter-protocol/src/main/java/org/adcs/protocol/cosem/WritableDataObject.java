package org.adcs.protocol.cosem;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Data (class 1) whose value the client may SET, e.g. {@link ObisCode#PUSH_ACKNOWLEDGEMENT}. Reads
 * are a {@link DataObject}'s; a value the meter does not accept ({@code accepts} false) is refused
 * with type-unmatched.
 */
public final class WritableDataObject extends DataObject {
    private final AtomicReference<DlmsData> current;
    private final Predicate<DlmsData> accepts;

    public WritableDataObject(ObisCode logicalName, DlmsData initial, Predicate<DlmsData> accepts) {
        this(logicalName, new AtomicReference<>(initial), accepts);
    }

    private WritableDataObject(ObisCode logicalName, AtomicReference<DlmsData> current, Predicate<DlmsData> accepts) {
        super(logicalName, current::get);
        this.current = current;
        this.accepts = accepts;
    }

    /** The push acknowledgement: a date-time octet-string, initially "never". */
    public static WritableDataObject pushAcknowledgement() {
        return new WritableDataObject(ObisCode.PUSH_ACKNOWLEDGEMENT, new DlmsData.OctetString(new byte[12]),
                d -> d instanceof DlmsData.OctetString s && CosemDateTime.fromBytes(s.value()).isPresent());
    }

    public DlmsData value() {
        return current.get();
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData newValue) {
        if (attributeId != 2) {
            return DataAccessResult.READ_WRITE_DENIED;
        }
        if (!accepts.test(newValue)) {
            return DataAccessResult.TYPE_UNMATCHED;
        }
        current.set(newValue);
        return DataAccessResult.SUCCESS;
    }
}
