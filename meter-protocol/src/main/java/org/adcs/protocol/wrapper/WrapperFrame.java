package org.adcs.protocol.wrapper;

import java.util.Arrays;

/**
 * One IEC 62056-47 TCP wrapper frame: {@code 0001 | source wPort | destination wPort | length | APDU}.
 * wPorts name the application processes: client 16 = public, 1 = management; server 1 = logical device.
 */
public record WrapperFrame(int sourceWPort, int destinationWPort, byte[] apdu) {
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 8;
    public static final int PUBLIC_CLIENT = 16;
    public static final int MANAGEMENT_CLIENT = 1;
    public static final int LOGICAL_DEVICE = 1;

    public WrapperFrame {
        if (sourceWPort < 0 || sourceWPort > 0xFFFF || destinationWPort < 0 || destinationWPort > 0xFFFF || apdu.length > 0xFFFF) {
            throw new IllegalArgumentException("wPorts and length are u16");
        }
    }

    /** The frame a reply travels in: ports swapped. */
    public WrapperFrame reply(byte[] replyApdu) {
        return new WrapperFrame(destinationWPort, sourceWPort, replyApdu);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrapperFrame f && f.sourceWPort == sourceWPort && f.destinationWPort == destinationWPort
                && Arrays.equals(f.apdu, apdu);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sourceWPort + destinationWPort) + Arrays.hashCode(apdu);
    }

    @Override
    public String toString() {
        return "WrapperFrame[" + sourceWPort + "->" + destinationWPort + ", " + apdu.length + " bytes]";
    }
}
