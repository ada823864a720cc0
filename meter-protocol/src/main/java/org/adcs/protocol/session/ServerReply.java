package org.adcs.protocol.session;

import org.adcs.protocol.codec.DecodeError;

/** What the server session wants done with a received APDU: every request is answered, or the connection closed. */
public sealed interface ServerReply {
    record Send(byte[] apdu) implements ServerReply {
    }

    /** The APDU was malformed: close this connection (and only this one). */
    record Close(DecodeError error) implements ServerReply {
    }
}
