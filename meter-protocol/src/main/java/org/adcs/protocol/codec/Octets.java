package org.adcs.protocol.codec;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string with value equality, for record components (passwords, raw blocks). */
public final class Octets {
    public static final Octets EMPTY = new Octets(new byte[0]);
    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Octets copyOf(byte[] bytes) {
        return new Octets(bytes.clone());
    }

    public static Octets copyOf(byte[] bytes, int offset, int length) {
        return new Octets(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Takes ownership of an array the caller has just created and will not touch again. */
    static Octets adopt(byte[] freshArray) {
        return new Octets(freshArray);
    }

    public static Octets read(ByteReader in, String what, int count) {
        return new Octets(in.bytes(what, count));
    }

    public int length() {
        return bytes.length;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public void writeTo(ByteWriter out) {
        out.bytes(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
