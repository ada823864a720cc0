package org.adcs.protocol.cosem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;

/**
 * The standard event log 0.0.99.98.0.255: a profile generic of (clock time, event code), the code
 * being Data 0.0.96.11.0.255 (R-EV-1: the meter's own time, an event code and its identity).
 */
public final class EventLog {
    public static final ObisCode EVENT_CODE = new ObisCode(0, 0, 96, 11, 0, 255);
    public static final List<CaptureObject> CAPTURE_OBJECTS = List.of(
            CaptureObject.CLOCK_TIME, new CaptureObject(DataObject.CLASS_ID, EVENT_CODE, 2, 0));

    /** One logged event. */
    public record Entry(CosemDateTime time, int code) {
        public DlmsData.Structure toData() {
            return DlmsData.Structure.of(new DlmsData.OctetString(time.toBytes()), new DlmsData.UInt16(code));
        }
    }

    private EventLog() {
    }

    public static ProfileGenericObject standard(long capacity, ProfileGenericObject.EntrySource source) {
        return new ProfileGenericObject(ObisCode.STANDARD_EVENT_LOG, CAPTURE_OBJECTS, 0, capacity, source);
    }

    /** Client side: a buffer read from an event log; empty if any entry has another shape. */
    public static Optional<List<Entry>> parse(DlmsData buffer) {
        Optional<List<List<DlmsData>>> rows = ProfileGenericObject.parseBuffer(buffer);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (List<DlmsData> row : rows.get()) {
            if (row.size() != 2 || !(row.get(1) instanceof DlmsData.UInt16 code)) {
                return Optional.empty();
            }
            Optional<CosemDateTime> time = ClockObject.parseTime(row.get(0));
            if (time.isEmpty()) {
                return Optional.empty();
            }
            entries.add(new Entry(time.get(), code.value()));
        }
        return Optional.of(entries);
    }
}
