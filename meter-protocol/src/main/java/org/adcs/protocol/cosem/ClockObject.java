package org.adcs.protocol.cosem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;

/**
 * Clock (class 8) 0.0.1.0.0.255. The meter keeps standard time (no DST, R-COL-6) at a fixed
 * offset; setting attribute 2 corrects the meter's clock relative to its time source (R-CLK-1).
 */
public final class ClockObject extends BaseObject {
    public static final int CLASS_ID = 8;
    private final Clock timeSource;
    private final ZoneOffset standardOffset;
    private volatile Duration correction = Duration.ZERO;

    public ClockObject(Clock timeSource, ZoneOffset standardOffset) {
        super(ObisCode.CLOCK);
        this.timeSource = timeSource;
        this.standardOffset = standardOffset;
    }

    /** The meter's current time, including corrections set by the head-end. */
    public Instant now() {
        return timeSource.instant().plus(correction);
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
        return List.of(1, 2, 3, 4, 8, 9);
    }

    @Override
    GetDataResult read(int attributeId, Optional<SelectiveAccess> access) {
        if (access.isPresent()) {
            return CosemObject.failure(DataAccessResult.SCOPE_OF_ACCESS_VIOLATED);
        }
        return switch (attributeId) {
            case 2 -> CosemObject.value(new DlmsData.OctetString(CosemDateTime.of(OffsetDateTime.ofInstant(now(), standardOffset)).toBytes()));
            case 3 -> CosemObject.value(new DlmsData.Int16(-standardOffset.getTotalSeconds() / 60));
            case 4 -> CosemObject.value(new DlmsData.UInt8(0));
            case 8 -> CosemObject.value(new DlmsData.BooleanData(false)); // DST never enabled
            case 9 -> CosemObject.value(new DlmsData.Enum(1)); // internal crystal
            default -> CosemObject.failure(DataAccessResult.OBJECT_UNDEFINED);
        };
    }

    @Override
    public DataAccessResult set(int attributeId, DlmsData value) {
        if (attributeId != 2) {
            return DataAccessResult.READ_WRITE_DENIED;
        }
        Optional<Instant> time = parseTime(value).flatMap(CosemDateTime::toOffsetDateTime).map(OffsetDateTime::toInstant);
        if (time.isEmpty()) {
            return DataAccessResult.TYPE_UNMATCHED;
        }
        correction = Duration.between(timeSource.instant(), time.get());
        return DataAccessResult.SUCCESS;
    }

    /** Client side: the clock's time attribute as a date-time, whichever of the two encodings the peer used. */
    public static Optional<CosemDateTime> parseTime(DlmsData value) {
        if (value instanceof DlmsData.OctetString s && s.length() == 12) {
            return CosemDateTime.fromBytes(s.value());
        }
        if (value instanceof DlmsData.DateTimeData d) {
            return CosemDateTime.fromBytes(d.value());
        }
        return Optional.empty();
    }
}
