package org.adcs.protocol.apdu;

import org.adcs.protocol.axdr.DlmsData;

/** Selective-Access-Descriptor: selector (1 = range, 2 = entry for profile generic) and its parameters. */
public record SelectiveAccess(int selector, DlmsData parameters) {
    public SelectiveAccess {
        if (selector < 0 || selector > 255) {
            throw new IllegalArgumentException("selector is unsigned8");
        }
    }
}
