package org.adcs.protocol.apdu;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 24-bit xDLMS conformance block. Bit n of the standard's numbering is mask 1 << (23 - n).
 * Peers propose e.g. 0x00FE1D or 0x421E5D; the server answers with the intersection.
 */
public record Conformance(int bits) {
    public enum Bit {
        GENERAL_PROTECTION(1), GENERAL_BLOCK_TRANSFER(2), READ(3), WRITE(4), UNCONFIRMED_WRITE(5),
        DELTA_VALUE_ENCODING(6), ATTRIBUTE0_SUPPORTED_WITH_SET(8), PRIORITY_MGMT_SUPPORTED(9),
        ATTRIBUTE0_SUPPORTED_WITH_GET(10), BLOCK_TRANSFER_WITH_GET_OR_READ(11), BLOCK_TRANSFER_WITH_SET_OR_WRITE(12),
        BLOCK_TRANSFER_WITH_ACTION(13), MULTIPLE_REFERENCES(14), INFORMATION_REPORT(15), DATA_NOTIFICATION(16),
        ACCESS(17), PARAMETERIZED_ACCESS(18), GET(19), SET(20), SELECTIVE_ACCESS(21), EVENT_NOTIFICATION(22), ACTION(23);

        private final int number;

        Bit(int number) {
            this.number = number;
        }

        public int mask() {
            return 1 << (23 - number);
        }
    }

    /** What this module implements, as client and as server. */
    public static final Conformance SUPPORTED = of(Bit.PRIORITY_MGMT_SUPPORTED, Bit.BLOCK_TRANSFER_WITH_GET_OR_READ,
            Bit.BLOCK_TRANSFER_WITH_SET_OR_WRITE, Bit.MULTIPLE_REFERENCES, Bit.DATA_NOTIFICATION, Bit.GET, Bit.SET,
            Bit.SELECTIVE_ACCESS, Bit.ACTION);

    public Conformance {
        if ((bits & ~0xFF_FFFF) != 0) {
            throw new IllegalArgumentException("conformance is 24 bits");
        }
    }

    public static Conformance of(Bit... bits) {
        int mask = 0;
        for (Bit b : bits) {
            mask |= b.mask();
        }
        return new Conformance(mask);
    }

    public boolean has(Bit bit) {
        return (bits & bit.mask()) != 0;
    }

    public Conformance intersect(Conformance other) {
        return new Conformance(bits & other.bits);
    }

    public Set<Bit> asSet() {
        EnumSet<Bit> set = EnumSet.noneOf(Bit.class);
        for (Bit b : Bit.values()) {
            if (has(b)) {
                set.add(b);
            }
        }
        return set;
    }

    @Override
    public String toString() {
        return String.format("Conformance[%06X %s]", bits, asSet());
    }
}
