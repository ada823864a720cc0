package org.adcs.protocol.apdu;

/**
 * The Invoke-Id-And-Priority byte: bits 0-3 invoke id, bit 6 service class (1 = confirmed),
 * bit 7 priority (1 = high). Peers differ (0x41 normal priority, 0xC1 high), so matching a
 * response to its request uses the invoke id only.
 */
public final class InvokeIdAndPriority {
    private InvokeIdAndPriority() {
    }

    public static int of(int invokeId, boolean highPriority) {
        if (invokeId < 0 || invokeId > 15) {
            throw new IllegalArgumentException("invoke id is 0..15");
        }
        return invokeId | 0x40 | (highPriority ? 0x80 : 0);
    }

    public static int invokeId(int invokeIdAndPriority) {
        return invokeIdAndPriority & 0x0F;
    }

    public static boolean highPriority(int invokeIdAndPriority) {
        return (invokeIdAndPriority & 0x80) != 0;
    }
}
