package org.adcs.protocol.codec;

/**
 * Bounds applied to untrusted input.
 *
 * @param maxApduSize          largest single APDU accepted, bytes (also the wrapper's length limit)
 * @param maxReassembledSize   largest value reassembled from block transfer, bytes
 * @param maxNestingDepth      deepest array/structure nesting accepted in A-XDR data
 * @param maxElements          largest element count of one array or structure
 */
public record Limits(int maxApduSize, int maxReassembledSize, int maxNestingDepth, int maxElements) {
    /**
     * 64 KiB APDUs cover the 0xFFFF max-PDU proposals seen from peers; 4 MiB reassembled covers a
     * 45-day, 15-minute load profile (4,320 entries) many times over.
     */
    public static final Limits DEFAULT = new Limits(0xFFFF, 4 << 20, 16, 65_535);

    public Limits {
        if (maxApduSize <= 0 || maxReassembledSize <= 0 || maxNestingDepth <= 0 || maxElements <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withMaxApduSize(int size) {
        return new Limits(size, maxReassembledSize, maxNestingDepth, maxElements);
    }
}
