package org.adcs.protocol.cosem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Profile Generic (class 7, version 1): load profile 1.0.99.1.0.255, daily billing 1.0.98.1.0.255 and
 * the standard event log 0.0.99.98.0.255. The buffer supports range_descriptor and entry_descriptor
 * selective access, filtered here in the object (not left to the meter implementation).
 */
public final class ProfileGenericObject extends BaseObject {
    public static final int CLASS_ID = 7;

    /** The buffer's current entries, oldest first; each entry has one value per capture object. */
    @FunctionalInterface
    public interface EntrySource {
        List<DlmsData.Structure> entries();
    }

    private final List<CaptureObject> captureObjects;
    private final long capturePeriodSeconds;
    private final long profileEntries;
    private final EntrySource source;

    public ProfileGenericObject(ObisCode logicalName, List<CaptureObject> captureObjects, long capturePeriodSeconds,
                                long profileEntries, EntrySource source) {
        super(logicalName);
        this.captureObjects = List.copyOf(captureObjects);
        this.capturePeriodSeconds = capturePeriodSeconds;
        this.profileEntries = profileEntries;
        this.source = source;
    }

    public List<CaptureObject> captureObjects() {
        return captureObjects;
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
        return List.of(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (attributeId == 2) {
            return readBuffer(access);
        }
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return switch (attributeId) {
            case 3 -> {
                List<DlmsData> defs = new ArrayList<>();
                captureObjects.forEach(c -> defs.add(c.toData()));
                yield CosemObject.value(new DlmsData.Array(defs));
            }
            case 4 -> CosemObject.value(new DlmsData.UInt32(capturePeriodSeconds));
            case 5 -> CosemObject.value(new DlmsData.Enum(1)); // fifo
            case 6 -> CosemObject.value(captureObjects.isEmpty() ? new CaptureObject(0, new ObisCode(0, 0, 0, 0, 0, 0), 0, 0).toData()
                    : captureObjects.get(0).toData());
            case 7 -> CosemObject.value(new DlmsData.UInt32(source.entries().size()));
            case 8 -> CosemObject.value(new DlmsData.UInt32(profileEntries));
            default -> CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        };
    }

    private GetDataResult readBuffer(Optional<SelectiveAccess> access) {
        List<DlmsData.Structure> entries = source.entries();
        if (access.isEmpty()) {
            return CosemObject.value(new DlmsData.Array(new ArrayList<>(entries)));
        }
        Optional<ProfileSelection> selection = ProfileSelection.parse(access.get().selector(), access.get().parameters());
        if (selection.isEmpty()) {
            return CosemObject.failure(DataAccessResult.TYPE_UNMATCHED);
        }
        if (selection.get() instanceof ProfileSelection.Range range) {
            return selectRange(entries, range);
        }
        return selectEntries(entries, (ProfileSelection.Entries) selection.get());
    }

    private GetDataResult selectRange(List<DlmsData.Structure> entries, ProfileSelection.Range range) {
        int column = columnOf(range.restrictingObject());
        Optional<Instant> from = ProfileSelection.instantOf(range.from());
        Optional<Instant> to = ProfileSelection.instantOf(range.to());
        if (column < 0 || from.isEmpty() || to.isEmpty()) {
            return CosemObject.failure(DataAccessResult.OTHER_REASON);
        }
        int[] columns = new int[range.selectedColumns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columnOf(range.selectedColumns().get(i));
            if (columns[i] < 0) {
                return CosemObject.failure(DataAccessResult.OTHER_REASON);
            }
        }
        List<DlmsData> selected = new ArrayList<>();
        for (DlmsData.Structure entry : entries) {
            Optional<Instant> t = ProfileSelection.instantOf(entry.elements().get(column));
            if (t.isPresent() && !t.get().isBefore(from.get()) && !t.get().isAfter(to.get())) {
                selected.add(columns.length == 0 ? entry : project(entry, columns));
            }
        }
        return CosemObject.value(new DlmsData.Array(selected));
    }

    private GetDataResult selectEntries(List<DlmsData.Structure> entries, ProfileSelection.Entries e) {
        long last = entries.size();
        long fromEntry = Math.max(1, e.fromEntry());
        long toEntry = e.toEntry() == 0 ? last : Math.min(last, e.toEntry());
        int width = captureObjects.size();
        int fromValue = Math.max(1, e.fromSelectedValue());
        int toValue = e.toSelectedValue() == 0 ? width : Math.min(width, e.toSelectedValue());
        if (fromValue > toValue) {
            return CosemObject.failure(DataAccessResult.OTHER_REASON);
        }
        int[] columns = new int[toValue - fromValue + 1];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = fromValue - 1 + i;
        }
        boolean allColumns = columns.length == width;
        List<DlmsData> selected = new ArrayList<>();
        for (long i = fromEntry; i <= toEntry; i++) {
            DlmsData.Structure entry = entries.get((int) (i - 1));
            selected.add(allColumns ? entry : project(entry, columns));
        }
        return CosemObject.value(new DlmsData.Array(selected));
    }

    private int columnOf(CaptureObject wanted) {
        for (int i = 0; i < captureObjects.size(); i++) {
            CaptureObject c = captureObjects.get(i);
            if (c.classId() == wanted.classId() && c.logicalName().equals(wanted.logicalName())
                    && c.attributeIndex() == wanted.attributeIndex()) {
                return i;
            }
        }
        return -1;
    }

    private static DlmsData project(DlmsData.Structure entry, int[] columns) {
        List<DlmsData> values = new ArrayList<>(columns.length);
        for (int c : columns) {
            values.add(entry.elements().get(c));
        }
        return new DlmsData.Structure(values);
    }

    /** Client side: the buffer's entries as rows of values; empty if the shape is not an array of structures. */
    public static Optional<List<List<DlmsData>>> parseBuffer(DlmsData buffer) {
        if (!(buffer instanceof DlmsData.Array array)) {
            return Optional.empty();
        }
        List<List<DlmsData>> rows = new ArrayList<>(array.elements().size());
        for (DlmsData entry : array.elements()) {
            if (!(entry instanceof DlmsData.Structure s)) {
                return Optional.empty();
            }
            rows.add(s.elements());
        }
        return Optional.of(rows);
    }
}
