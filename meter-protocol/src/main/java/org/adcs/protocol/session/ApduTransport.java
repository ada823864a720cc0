package org.adcs.protocol.session;

/** Where a session's outgoing APDUs go; the Netty adapters wrap them into wrapper frames. */
public interface ApduTransport {
    void send(byte[] apdu);

    /** Ends the connection (e.g. after a malformed frame: only this connection is affected). */
    void close();
}
