package org.adcs.protocol.axdr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.codec.ByteReader;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.DecodeError;
import org.adcs.protocol.codec.DecodeFailure;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;

/** Encodes and decodes A-XDR {@link DlmsData}. Decoding is bounded by {@link Limits}. */
public final class AxdrCodec {
    private AxdrCodec() {
    }

    public static byte[] encode(DlmsData data) {
        ByteWriter out = new ByteWriter();
        encode(data, out);
        return out.toByteArray();
    }

    public static void encode(DlmsData data, ByteWriter out) {
        out.u8(data.tag());
        // dispatch on the tag: Java 17 has no pattern switch, and an int switch is the fast path
        switch (data.tag()) {
            case DataTag.NULL -> {
            }
            case DataTag.ARRAY -> writeElements(((DlmsData.Array) data).elements(), out);
            case DataTag.STRUCTURE -> writeElements(((DlmsData.Structure) data).elements(), out);
            case DataTag.BOOLEAN -> out.u8(((DlmsData.BooleanData) data).value() ? 1 : 0);
            case DataTag.BIT_STRING -> {
                DlmsData.BitString b = (DlmsData.BitString) data;
                out.length(b.bitLength()).bytes(b.bits());
            }
            case DataTag.DOUBLE_LONG -> out.i32(((DlmsData.Int32) data).value());
            case DataTag.DOUBLE_LONG_UNSIGNED -> out.i32((int) ((DlmsData.UInt32) data).value());
            case DataTag.OCTET_STRING -> {
                DlmsData.OctetString s = (DlmsData.OctetString) data;
                out.length(s.length());
                s.writeTo(out);
            }
            case DataTag.VISIBLE_STRING -> {
                byte[] ascii = ((DlmsData.VisibleString) data).value().getBytes(StandardCharsets.US_ASCII);
                out.length(ascii.length).bytes(ascii);
            }
            case DataTag.INTEGER -> out.u8(((DlmsData.Int8) data).value());
            case DataTag.LONG -> out.u16(((DlmsData.Int16) data).value());
            case DataTag.UNSIGNED -> out.u8(((DlmsData.UInt8) data).value());
            case DataTag.LONG_UNSIGNED -> out.u16(((DlmsData.UInt16) data).value());
            case DataTag.LONG64 -> out.i64(((DlmsData.Int64) data).value());
            case DataTag.LONG64_UNSIGNED -> out.i64(((DlmsData.UInt64) data).value());
            case DataTag.ENUM -> out.u8(((DlmsData.Enum) data).value());
            case DataTag.FLOAT32 -> out.i32(Float.floatToRawIntBits(((DlmsData.Float32) data).value()));
            case DataTag.FLOAT64 -> out.i64(Double.doubleToRawLongBits(((DlmsData.Float64) data).value()));
            case DataTag.DATE_TIME -> out.bytes(((DlmsData.DateTimeData) data).value());
            default -> throw new IllegalStateException("no encoder for tag " + data.tag());
        }
    }

    private static void writeElements(List<DlmsData> elements, ByteWriter out) {
        out.length(elements.size());
        for (DlmsData e : elements) {
            encode(e, out);
        }
    }

    /** Decodes exactly one Data value filling all of {@code bytes}. */
    public static Decoded<DlmsData> decode(byte[] bytes, Limits limits) {
        return Decoded.of("data", new ByteReader(bytes), r -> read(r, limits));
    }

    /** Reads one Data value; throws {@link DecodeFailure}, for use inside other decoders. */
    public static DlmsData read(ByteReader in, Limits limits) {
        return read(in, limits, 0);
    }

    private static DlmsData read(ByteReader in, Limits limits, int depth) {
        int tag = in.u8("data tag");
        return switch (tag) {
            case DataTag.NULL -> DlmsData.NullData.INSTANCE;
            case DataTag.ARRAY -> new DlmsData.Array(readElements(in, limits, depth, "array"));
            case DataTag.STRUCTURE -> new DlmsData.Structure(readElements(in, limits, depth, "structure"));
            case DataTag.BOOLEAN -> new DlmsData.BooleanData(in.u8("boolean") != 0);
            case DataTag.BIT_STRING -> {
                int bitsLimit = (int) Math.min(Integer.MAX_VALUE, (long) limits.maxApduSize() * 8);
                int bitLength = in.count("bit-string length", bitsLimit, 0);
                yield new DlmsData.BitString(bitLength, in.bytes("bit-string", (bitLength + 7) / 8));
            }
            case DataTag.DOUBLE_LONG -> new DlmsData.Int32(in.i32("double-long"));
            case DataTag.DOUBLE_LONG_UNSIGNED -> new DlmsData.UInt32(in.u32("double-long-unsigned"));
            case DataTag.OCTET_STRING -> {
                int length = in.length("octet-string length", limits.maxReassembledSize());
                yield new DlmsData.OctetString(in.bytes("octet-string", length));
            }
            case DataTag.VISIBLE_STRING -> {
                int length = in.length("visible-string length", limits.maxReassembledSize());
                byte[] raw = in.bytes("visible-string", length);
                for (byte b : raw) {
                    if (b < 0) {
                        throw ByteReader.invalid("visible-string with non-ASCII byte");
                    }
                }
                yield new DlmsData.VisibleString(new String(raw, StandardCharsets.US_ASCII));
            }
            case DataTag.INTEGER -> new DlmsData.Int8((byte) in.u8("integer"));
            case DataTag.LONG -> new DlmsData.Int16((short) in.u16("long"));
            case DataTag.UNSIGNED -> new DlmsData.UInt8(in.u8("unsigned"));
            case DataTag.LONG_UNSIGNED -> new DlmsData.UInt16(in.u16("long-unsigned"));
            case DataTag.LONG64 -> new DlmsData.Int64(in.i64("long64"));
            case DataTag.LONG64_UNSIGNED -> new DlmsData.UInt64(in.i64("long64-unsigned"));
            case DataTag.ENUM -> new DlmsData.Enum(in.u8("enum"));
            case DataTag.FLOAT32 -> new DlmsData.Float32(Float.intBitsToFloat(in.i32("float32")));
            case DataTag.FLOAT64 -> new DlmsData.Float64(Double.longBitsToDouble(in.i64("float64")));
            case DataTag.DATE_TIME -> new DlmsData.DateTimeData(in.bytes("date-time", 12));
            case DataTag.COMPACT_ARRAY, DataTag.BCD, DataTag.UTF8_STRING, 26, 27 ->
                    throw new DecodeFailure(new DecodeError.Unsupported("data type " + tag));
            default -> throw ByteReader.badTag("data", tag);
        };
    }

    private static List<DlmsData> readElements(ByteReader in, Limits limits, int depth, String what) {
        if (depth >= limits.maxNestingDepth()) {
            throw new DecodeFailure(new DecodeError.LengthOverLimit(what + " nesting depth", depth + 1, limits.maxNestingDepth()));
        }
        // every element is at least its tag byte, so the count is bounded by the bytes present
        int count = in.count(what + " count", limits.maxElements(), 1);
        List<DlmsData> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(read(in, limits, depth + 1));
        }
        return elements;
    }
}
