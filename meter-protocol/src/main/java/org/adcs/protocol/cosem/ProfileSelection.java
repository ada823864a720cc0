package org.adcs.protocol.cosem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.axdr.DlmsData;

/**
 * The two selective-access forms of a profile generic buffer (Blue Book, class 7 attribute 2).
 * Both are parsed from untrusted request parameters, so parsing returns empty on any shape error.
 */
public sealed interface ProfileSelection {
    int RANGE_SELECTOR = 1;
    int ENTRY_SELECTOR = 2;

    /**
     * range_descriptor: entries whose restricting column lies in [from, to]; {@code selectedColumns}
     * empty means all columns.
     */
    record Range(CaptureObject restrictingObject, DlmsData from, DlmsData to, List<CaptureObject> selectedColumns)
            implements ProfileSelection {
        public Range {
            selectedColumns = List.copyOf(selectedColumns);
        }

        public DlmsData toData() {
            List<DlmsData> columns = new ArrayList<>();
            selectedColumns.forEach(c -> columns.add(c.toData()));
            return DlmsData.Structure.of(restrictingObject.toData(), from, to, new DlmsData.Array(columns));
        }

        /** A time range on the clock column, the common case for load profiles. */
        public static Range ofTimes(CosemDateTime from, CosemDateTime to) {
            return new Range(CaptureObject.CLOCK_TIME, new DlmsData.OctetString(from.toBytes()),
                    new DlmsData.OctetString(to.toBytes()), List.of());
        }
    }

    /**
     * entry_descriptor: entries {@code fromEntry..toEntry} (1-based, inclusive; toEntry 0 = the last)
     * and columns {@code fromSelectedValue..toSelectedValue} (1-based; 0 = the last). toEntry is an
     * index, not a count (one peer reads it as a count; we do not copy that).
     */
    record Entries(long fromEntry, long toEntry, int fromSelectedValue, int toSelectedValue) implements ProfileSelection {
        public DlmsData toData() {
            return DlmsData.Structure.of(new DlmsData.UInt32(fromEntry), new DlmsData.UInt32(toEntry),
                    new DlmsData.UInt16(fromSelectedValue), new DlmsData.UInt16(toSelectedValue));
        }
    }

    static Optional<ProfileSelection> parse(int selector, DlmsData parameters) {
        if (!(parameters instanceof DlmsData.Structure s)) {
            return Optional.empty();
        }
        List<DlmsData> e = s.elements();
        if (selector == RANGE_SELECTOR && e.size() == 4) {
            Optional<CaptureObject> restricting = CaptureObject.fromData(e.get(0));
            if (restricting.isEmpty() || !(e.get(3) instanceof DlmsData.Array selected)) {
                return Optional.empty();
            }
            List<CaptureObject> columns = new ArrayList<>();
            for (DlmsData c : selected.elements()) {
                Optional<CaptureObject> column = CaptureObject.fromData(c);
                if (column.isEmpty()) {
                    return Optional.empty();
                }
                columns.add(column.get());
            }
            return Optional.of(new Range(restricting.get(), e.get(1), e.get(2), columns));
        }
        if (selector == ENTRY_SELECTOR && e.size() == 4 && e.get(0) instanceof DlmsData.UInt32 from
                && e.get(1) instanceof DlmsData.UInt32 to && e.get(2) instanceof DlmsData.UInt16 fromValue
                && e.get(3) instanceof DlmsData.UInt16 toValue) {
            return Optional.of(new Entries(from.value(), to.value(), fromValue.value(), toValue.value()));
        }
        return Optional.empty();
    }

    /** A date-time column value (octet-string or date-time tag) as an instant, if fully specified. */
    static Optional<Instant> instantOf(DlmsData value) {
        byte[] raw;
        if (value instanceof DlmsData.OctetString s && s.length() == 12) {
            raw = s.value();
        } else if (value instanceof DlmsData.DateTimeData d) {
            raw = d.value();
        } else {
            return Optional.empty();
        }
        return CosemDateTime.fromBytes(raw).flatMap(CosemDateTime::toOffsetDateTime).map(t -> t.toInstant());
    }
}
