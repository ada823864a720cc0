package org.adcs.protocol.cosem;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The 12-byte COSEM date-time (Blue Book, "date-time"): year (2 bytes), month, day of month, day of
 * week, hour, minute, second, hundredths, deviation (2 bytes, signed minutes) and clock status.
 * Any field may be "not specified" (0xFF, year 0xFFFF, deviation 0x8000), which is why this is a
 * value of its own and not a {@link java.time} type. Meters keep standard time (R-COL-6).
 */
public record CosemDateTime(int year, int month, int dayOfMonth, int dayOfWeek, int hour, int minute,
                            int second, int hundredths, int deviationMinutes, int clockStatus) {
    public static final int NOT_SPECIFIED = 0xFF;
    public static final int YEAR_NOT_SPECIFIED = 0xFFFF;
    /** Deviation 0x8000: not specified. */
    public static final int DEVIATION_NOT_SPECIFIED = 0x8000;

    /** Decodes 12 bytes (empty for any other length); the deviation keeps its sign. */
    public static Optional<CosemDateTime> fromBytes(byte[] b) {
        if (b.length != 12) {
            return Optional.empty();
        }
        int deviation = ((b[9] & 0xFF) << 8) | (b[10] & 0xFF);
        int signedDeviation = deviation == DEVIATION_NOT_SPECIFIED ? DEVIATION_NOT_SPECIFIED : (short) deviation;
        return Optional.of(new CosemDateTime(((b[0] & 0xFF) << 8) | (b[1] & 0xFF), b[2] & 0xFF, b[3] & 0xFF, b[4] & 0xFF,
                b[5] & 0xFF, b[6] & 0xFF, b[7] & 0xFF, b[8] & 0xFF, signedDeviation, b[11] & 0xFF));
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (year >> 8), (byte) year, (byte) month, (byte) dayOfMonth, (byte) dayOfWeek,
                (byte) hour, (byte) minute, (byte) second, (byte) hundredths,
                (byte) (deviationMinutes >> 8), (byte) deviationMinutes, (byte) clockStatus};
    }

    /**
     * From an instant at a fixed offset. The deviation field follows the Green Book convention
     * (minutes to add to local time to get UTC), so UTC+01:00 is -60.
     */
    public static CosemDateTime of(OffsetDateTime t) {
        int deviation = -t.getOffset().getTotalSeconds() / 60;
        return new CosemDateTime(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getDayOfWeek().getValue(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 10_000_000, deviation, 0);
    }

    public static CosemDateTime ofUtc(LocalDateTime t) {
        return of(t.atOffset(ZoneOffset.UTC));
    }

    /** The instant, if every field needed is specified. */
    public Optional<OffsetDateTime> toOffsetDateTime() {
        if (year == YEAR_NOT_SPECIFIED || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31
                || hour > 23 || minute > 59 || second > 59 || deviationMinutes == DEVIATION_NOT_SPECIFIED
                || Math.abs(deviationMinutes) > 18 * 60) {
            return Optional.empty();
        }
        int hundredthsOrZero = hundredths == NOT_SPECIFIED || hundredths > 99 ? 0 : hundredths;
        try {
            return Optional.of(OffsetDateTime.of(year, month, dayOfMonth, hour, minute, second, hundredthsOrZero * 10_000_000,
                    ZoneOffset.ofTotalSeconds(-deviationMinutes * 60)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // e.g. 31 February from an untrusted peer
        }
    }
}
