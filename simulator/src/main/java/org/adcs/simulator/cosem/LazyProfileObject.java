package org.adcs.simulator.cosem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CaptureObject;
import org.adcs.protocol.cosem.CosemObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.ProfileSelection;

/**
 * A profile generic (class 7) whose buffer is generated on demand: a range read on the clock column
 * generates only the entries in range; every other read generates the whole memory. Selection and
 * encoding are meter-protocol's {@link ProfileGenericObject}. Optionally the capture period
 * (attribute 4) is writable, which is how the head-end reprograms the interval (R-SCH-7).
 */
final class LazyProfileObject implements CosemObject {
    /** Buffer entries whose clock column lies in [from, to] (either may be unbounded). */
    interface Entries {
        List<DlmsData.Structure> between(Instant from, Instant to);
    }

    private final ObisCode logicalName;
    private final List<CaptureObject> columns;
    private final LongSupplier capturePeriod;
    private final long capacity;
    private final Entries entries;
    private final IntPredicate capturePeriodWriter;

    LazyProfileObject(ObisCode logicalName, List<CaptureObject> columns, LongSupplier capturePeriod, long capacity,
                      Entries entries, IntPredicate capturePeriodWriter) {
        this.logicalName = logicalName;
        this.columns = List.copyOf(columns);
        this.capturePeriod = capturePeriod;
        this.capacity = capacity;
        this.entries = entries;
        this.capturePeriodWriter = capturePeriodWriter;
    }

    private ProfileGenericObject view(Instant from, Instant to) {
        return new ProfileGenericObject(logicalName, columns, capturePeriod.getAsLong(), capacity, () -> entries.between(from, to));
    }

    @Override
    public int classId() {
        return ProfileGenericObject.CLASS_ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public ObisCode logicalName() {
        return logicalName;
    }

    @Override
    public List<Integer> attributeIds() {
        return List.of(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Override
    public GetDataResult get(int attributeId, Optional<SelectiveAccess> access) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        if (attributeId == 2 && access.isPresent()) {
            Optional<ProfileSelection> selection = ProfileSelection.parse(access.get().selector(), access.get().parameters());
            if (selection.isPresent() && selection.get() instanceof ProfileSelection.Range range
                    && range.restrictingObject().equals(CaptureObject.CLOCK_TIME)) {
                from = ProfileSelection.instantOf(range.from()).orElse(Instant.MIN);
                to = ProfileSelection.instantOf(range.to()).orElse(Instant.MAX);
            }
        }
        return view(from, to).get(attributeId, access);
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData value) {
        if (attributeId != 4 || capturePeriodWriter == null) {
            return DataAccessResult.READ_WRITE_DENIED;
        }
        long seconds;
        try {
            seconds = value.asLong();
        } catch (IllegalArgumentException notAnInteger) {
            return DataAccessResult.TYPE_UNMATCHED;
        }
        if (seconds % 60 != 0 || seconds <= 0 || seconds > 3600 || !capturePeriodWriter.test((int) (seconds / 60))) {
            return DataAccessResult.OTHER_REASON;
        }
        return DataAccessResult.SUCCESS;
    }
}
