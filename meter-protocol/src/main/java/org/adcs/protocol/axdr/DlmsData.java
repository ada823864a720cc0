package org.adcs.protocol.axdr;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The A-XDR {@code Data} CHOICE (IEC 62056-6-2 / Green Book) for the types our COSEM objects use.
 * Each record is one tag; integer widths are checked on construction so every value encodes.
 */
public sealed interface DlmsData {

    /** The A-XDR tag of this choice. */
    int tag();

    record NullData() implements DlmsData {
        public static final NullData INSTANCE = new NullData();

        public int tag() {
            return DataTag.NULL;
        }
    }

    record Array(List<DlmsData> elements) implements DlmsData {
        public Array {
            elements = List.copyOf(elements);
        }

        public static Array of(DlmsData... elements) {
            return new Array(List.of(elements));
        }

        public int tag() {
            return DataTag.ARRAY;
        }
    }

    record Structure(List<DlmsData> elements) implements DlmsData {
        public Structure {
            elements = List.copyOf(elements);
        }

        public static Structure of(DlmsData... elements) {
            return new Structure(List.of(elements));
        }

        public int tag() {
            return DataTag.STRUCTURE;
        }
    }

    record BooleanData(boolean value) implements DlmsData {
        public int tag() {
            return DataTag.BOOLEAN;
        }
    }

    /** A bit string of {@code bitLength} bits, packed MSB first into {@code bits}. */
    record BitString(int bitLength, byte[] bits) implements DlmsData {
        public BitString {
            if (bitLength < 0 || bits.length != (bitLength + 7) / 8) {
                throw new IllegalArgumentException("bit string needs " + (bitLength + 7) / 8 + " bytes for " + bitLength + " bits");
            }
            bits = bits.clone();
        }

        public byte[] bits() {
            return bits.clone();
        }

        public boolean equals(Object o) {
            return o instanceof BitString b && b.bitLength == bitLength && Arrays.equals(b.bits, bits);
        }

        public int hashCode() {
            return 31 * bitLength + Arrays.hashCode(bits);
        }

        public String toString() {
            return "BitString[" + bitLength + ":" + HexFormat.of().formatHex(bits) + "]";
        }

        public int tag() {
            return DataTag.BIT_STRING;
        }
    }

    /** double-long. */
    record Int32(int value) implements DlmsData {
        public int tag() {
            return DataTag.DOUBLE_LONG;
        }
    }

    /** double-long-unsigned. */
    record UInt32(long value) implements DlmsData {
        public UInt32 {
            checkRange(value, 0, 0xFFFF_FFFFL, "double-long-unsigned");
        }

        public int tag() {
            return DataTag.DOUBLE_LONG_UNSIGNED;
        }
    }

    record OctetString(byte[] value) implements DlmsData {
        public OctetString {
            value = value.clone();
        }

        public byte[] value() {
            return value.clone();
        }

        /** Writes the bytes without copying them. */
        public void writeTo(org.adcs.protocol.codec.ByteWriter out) {
            out.bytes(value);
        }

        /** Length without copying, for hot decode paths. */
        public int length() {
            return value.length;
        }

        public boolean equals(Object o) {
            return o instanceof OctetString s && Arrays.equals(s.value, value);
        }

        public int hashCode() {
            return Arrays.hashCode(value);
        }

        public String toString() {
            return "OctetString[" + HexFormat.of().formatHex(value) + "]";
        }

        public int tag() {
            return DataTag.OCTET_STRING;
        }
    }

    /** visible-string: printable ASCII, kept as a Java string. */
    record VisibleString(String value) implements DlmsData {
        public VisibleString {
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0x7F) {
                    throw new IllegalArgumentException("visible-string is ASCII only");
                }
            }
        }

        public int tag() {
            return DataTag.VISIBLE_STRING;
        }
    }

    /** integer (signed 8 bits). */
    record Int8(int value) implements DlmsData {
        public Int8 {
            checkRange(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "integer");
        }

        public int tag() {
            return DataTag.INTEGER;
        }
    }

    /** long (signed 16 bits). */
    record Int16(int value) implements DlmsData {
        public Int16 {
            checkRange(value, Short.MIN_VALUE, Short.MAX_VALUE, "long");
        }

        public int tag() {
            return DataTag.LONG;
        }
    }

    /** unsigned (8 bits). */
    record UInt8(int value) implements DlmsData {
        public UInt8 {
            checkRange(value, 0, 0xFF, "unsigned");
        }

        public int tag() {
            return DataTag.UNSIGNED;
        }
    }

    /** long-unsigned (16 bits). */
    record UInt16(int value) implements DlmsData {
        public UInt16 {
            checkRange(value, 0, 0xFFFF, "long-unsigned");
        }

        public int tag() {
            return DataTag.LONG_UNSIGNED;
        }
    }

    /** long64. */
    record Int64(long value) implements DlmsData {
        public int tag() {
            return DataTag.LONG64;
        }
    }

    /** long64-unsigned: the 64 bits as Java's signed long (use {@link Long#toUnsignedString}). */
    record UInt64(long value) implements DlmsData {
        public int tag() {
            return DataTag.LONG64_UNSIGNED;
        }
    }

    record Enum(int value) implements DlmsData {
        public Enum {
            checkRange(value, 0, 0xFF, "enum");
        }

        public int tag() {
            return DataTag.ENUM;
        }
    }

    /** float32, compared by bit pattern so NaN round-trips. */
    record Float32(float value) implements DlmsData {
        public boolean equals(Object o) {
            return o instanceof Float32 f && Float.floatToRawIntBits(f.value) == Float.floatToRawIntBits(value);
        }

        public int hashCode() {
            return Float.floatToRawIntBits(value);
        }

        public int tag() {
            return DataTag.FLOAT32;
        }
    }

    /** float64, compared by bit pattern so NaN round-trips. */
    record Float64(double value) implements DlmsData {
        public boolean equals(Object o) {
            return o instanceof Float64 f && Double.doubleToRawLongBits(f.value) == Double.doubleToRawLongBits(value);
        }

        public int hashCode() {
            return Long.hashCode(Double.doubleToRawLongBits(value));
        }

        public int tag() {
            return DataTag.FLOAT64;
        }
    }

    /** date-time with its own tag (0x19); most peers send date-time as a 12-byte octet-string instead. */
    record DateTimeData(byte[] value) implements DlmsData {
        public DateTimeData {
            if (value.length != 12) {
                throw new IllegalArgumentException("date-time is 12 bytes");
            }
            value = value.clone();
        }

        public byte[] value() {
            return value.clone();
        }

        public boolean equals(Object o) {
            return o instanceof DateTimeData d && Arrays.equals(d.value, value);
        }

        public int hashCode() {
            return Arrays.hashCode(value);
        }

        public String toString() {
            return "DateTimeData[" + HexFormat.of().formatHex(value) + "]";
        }

        public int tag() {
            return DataTag.DATE_TIME;
        }
    }

    private static void checkRange(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(type + " out of range: " + value);
        }
    }

    /** Convenience for the many places that want a number regardless of its integer width. */
    default long asLong() {
        if (this instanceof Int8 v) {
            return v.value();
        } else if (this instanceof Int16 v) {
            return v.value();
        } else if (this instanceof Int32 v) {
            return v.value();
        } else if (this instanceof Int64 v) {
            return v.value();
        } else if (this instanceof UInt8 v) {
            return v.value();
        } else if (this instanceof UInt16 v) {
            return v.value();
        } else if (this instanceof UInt32 v) {
            return v.value();
        } else if (this instanceof UInt64 v) {
            return v.value();
        } else if (this instanceof Enum v) {
            return v.value();
        }
        throw new IllegalArgumentException("not an integer: " + this);
    }
}
