package org.adcs.protocol.session;

import org.adcs.protocol.apdu.Conformance;

/** What an accepted AARE negotiated: the services and the largest APDU the server accepts. */
public record Association(Conformance negotiatedConformance, int serverMaxReceivePduSize) {
}
