package org.adcs.protocol.session;

import java.util.Optional;
import org.adcs.protocol.codec.DecodeError;

/** Why a client request failed as a whole (as opposed to a data-access-result for one attribute). */
public final class SessionException extends Exception {
    public enum Reason {
        /** No (complete) answer within the configured timeout. */
        TIMEOUT,
        /** The server rejected the association (AARE result not accepted). */
        ASSOCIATION_REJECTED,
        /** The server answered with an ExceptionResponse or ConfirmedServiceError. */
        SERVER_EXCEPTION,
        /** The server's answer could not be decoded, or broke the protocol (wrong block number, ...). */
        PROTOCOL_ERROR,
        /** The connection closed, or the session was released, before the answer. */
        CLOSED,
        /** A request other than associate was made without an association. */
        NOT_ASSOCIATED,
        /** The meter answered, but with a data-access-result instead of the value, or a value of the wrong shape. */
        DATA_ACCESS
    }

    private final Reason reason;
    private final transient DecodeError decodeError;

    public SessionException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SessionException(Reason reason, String message, DecodeError decodeError) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
        this.decodeError = decodeError;
    }

    public Reason reason() {
        return reason;
    }

    public Optional<DecodeError> decodeError() {
        return Optional.ofNullable(decodeError);
    }
}
