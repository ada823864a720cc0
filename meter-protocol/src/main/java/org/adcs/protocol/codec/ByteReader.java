package org.adcs.protocol.codec;

import java.util.Arrays;

/**
 * A bounds-checked cursor over untrusted bytes. Every read checks what is actually present before
 * touching or allocating anything, so no allocation is ever sized from an unchecked length.
 */
public final class ByteReader {
    private final byte[] bytes;
    private int position;
    private final int end;

    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public ByteReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    public int remaining() {
        return end - position;
    }

    public int position() {
        return position;
    }

    private void require(String what, int count) {
        if (count < 0 || count > end - position) {
            throw new DecodeFailure(new DecodeError.Truncated(what, count, end - position));
        }
    }

    public int u8(String what) {
        require(what, 1);
        return bytes[position++] & 0xFF;
    }

    public int peekU8(String what) {
        require(what, 1);
        return bytes[position] & 0xFF;
    }

    public int u16(String what) {
        require(what, 2);
        int v = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    public int i32(String what) {
        require(what, 4);
        int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    public long u32(String what) {
        return i32(what) & 0xFFFF_FFFFL;
    }

    public long i64(String what) {
        require(what, 8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[position + i] & 0xFF);
        }
        position += 8;
        return v;
    }

    /** Copies {@code count} bytes; fails as truncated before allocating if they are not all present. */
    public byte[] bytes(String what, int count) {
        require(what, count);
        byte[] out = Arrays.copyOfRange(bytes, position, position + count);
        position += count;
        return out;
    }

    /** Moves back to an earlier {@link #position()} of this reader (for look-ahead). */
    public void reset(int earlierPosition) {
        if (earlierPosition > position) {
            throw new IllegalArgumentException("can only move back");
        }
        position = earlierPosition;
    }

    public void skip(String what, int count) {
        require(what, count);
        position += count;
    }

    /** A reader over the next {@code count} bytes, which this reader then skips. */
    public ByteReader slice(String what, int count) {
        require(what, count);
        ByteReader slice = new ByteReader(bytes, position, count);
        position += count;
        return slice;
    }

    /**
     * An A-XDR / BER length: one byte below 0x80, otherwise 0x8N followed by N big-endian bytes
     * (N ≤ 4). The result is checked against both the bytes present and {@code limit}.
     */
    public int length(String what, int limit) {
        int first = u8(what);
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4) {
                throw new DecodeFailure(new DecodeError.BadTag(what + " length form", first));
            }
            require(what, count);
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (bytes[position++] & 0xFF);
            }
        }
        if (length > limit) {
            throw new DecodeFailure(new DecodeError.LengthOverLimit(what, length, limit));
        }
        if (length > end - position) {
            throw new DecodeFailure(new DecodeError.Truncated(what, (int) Math.min(length, Integer.MAX_VALUE), end - position));
        }
        return (int) length;
    }

    /** A count of following elements, each at least {@code minElementSize} bytes, so it is bounded by what is present. */
    public int count(String what, int limit, int minElementSize) {
        int first = u8(what);
        long count;
        if (first < 0x80) {
            count = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 4) {
                throw new DecodeFailure(new DecodeError.BadTag(what + " count form", first));
            }
            require(what, n);
            count = 0;
            for (int i = 0; i < n; i++) {
                count = (count << 8) | (bytes[position++] & 0xFF);
            }
        }
        if (count > limit) {
            throw new DecodeFailure(new DecodeError.LengthOverLimit(what, count, limit));
        }
        if (count * minElementSize > end - position) {
            throw new DecodeFailure(new DecodeError.Truncated(what, (int) Math.min(count * minElementSize, Integer.MAX_VALUE), end - position));
        }
        return (int) count;
    }

    public static DecodeFailure badTag(String what, int tag) {
        return new DecodeFailure(new DecodeError.BadTag(what, tag));
    }

    public static DecodeFailure invalid(String what) {
        return new DecodeFailure(new DecodeError.Invalid(what));
    }

    public static DecodeFailure unsupported(String what) {
        return new DecodeFailure(new DecodeError.Unsupported(what));
    }
}
