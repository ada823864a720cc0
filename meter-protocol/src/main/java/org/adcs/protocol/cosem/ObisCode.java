package org.adcs.protocol.cosem;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcs.protocol.codec.ByteReader;

/**
 * An OBIS code (IEC 62056-61), the logical name of a COSEM object: six value groups A..F, 0..255.
 * Printed as {@code 1.0.1.8.0.255}; parsing also accepts the {@code 1-0:1.8.0.255} form.
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) {
    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,3})[.\\-](\\d{1,3})[.:](\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})[.*](\\d{1,3})");

    public static final ObisCode CLOCK = new ObisCode(0, 0, 1, 0, 0, 255);
    public static final ObisCode LOGICAL_DEVICE_NAME = new ObisCode(0, 0, 42, 0, 0, 255);
    public static final ObisCode CURRENT_ASSOCIATION = new ObisCode(0, 0, 40, 0, 0, 255);
    public static final ObisCode ACTIVE_ENERGY_IMPORT = new ObisCode(1, 0, 1, 8, 0, 255);
    public static final ObisCode ACTIVE_ENERGY_EXPORT = new ObisCode(1, 0, 2, 8, 0, 255);
    public static final ObisCode LOAD_PROFILE = new ObisCode(1, 0, 99, 1, 0, 255);
    public static final ObisCode DAILY_BILLING_PROFILE = new ObisCode(1, 0, 98, 1, 0, 255);
    public static final ObisCode STANDARD_EVENT_LOG = new ObisCode(0, 0, 99, 98, 0, 255);
    /** The single action schedule that triggers the daily push (class 22); the head-end writes its time. */
    public static final ObisCode PUSH_ACTION_SCHEDULE = new ObisCode(0, 0, 15, 0, 4, 255);
    /** Push setup of the daily push (class 40). */
    public static final ObisCode DAILY_PUSH_SETUP = new ObisCode(0, 1, 25, 9, 0, 255);
    /**
     * Where the head-end writes the time of the last push it has stored (a Data object,
     * manufacturer-specific D group): a meter re-sends everything since then (R-SCH-6).
     */
    public static final ObisCode PUSH_ACKNOWLEDGEMENT = new ObisCode(0, 0, 96, 128, 0, 255);

    public ObisCode {
        for (int v : new int[] {a, b, c, d, e, f}) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("OBIS value groups are 0..255");
            }
        }
    }

    public static ObisCode of(int a, int b, int c, int d, int e, int f) {
        return new ObisCode(a, b, c, d, e, f);
    }

    /** Parses {@code 1.0.1.8.0.255} or {@code 1-0:1.8.0.255}; empty if it is not an OBIS code. */
    public static Optional<ObisCode> tryParse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            v[i] = Integer.parseInt(m.group(i + 1));
            if (v[i] > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(new ObisCode(v[0], v[1], v[2], v[3], v[4], v[5]));
    }

    /** Parses trusted text (configuration, code); throws {@link IllegalArgumentException} otherwise. */
    public static ObisCode parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an OBIS code: " + text));
    }

    public static ObisCode fromBytes(byte[] six) {
        if (six.length != 6) {
            throw new IllegalArgumentException("an OBIS code is 6 bytes");
        }
        return new ObisCode(six[0] & 0xFF, six[1] & 0xFF, six[2] & 0xFF, six[3] & 0xFF, six[4] & 0xFF, six[5] & 0xFF);
    }

    public static ObisCode read(ByteReader in) {
        return new ObisCode(in.u8("obis"), in.u8("obis"), in.u8("obis"), in.u8("obis"), in.u8("obis"), in.u8("obis"));
    }

    public byte[] toBytes() {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d, (byte) e, (byte) f};
    }

    @Override
    public String toString() {
        return a + "." + b + "." + c + "." + d + "." + e + "." + f;
    }
}
