package org.adcs.protocol.apdu;

/**
 * ExceptionResponse: state-error (1 service-not-allowed, 2 service-unknown) and service-error
 * (1 operation-not-possible, 2 service-not-supported, 3 other-reason, 4 pdu-too-long, ...).
 */
public record ExceptionResponse(int stateError, int serviceError) implements Apdu {
    public static final int SERVICE_NOT_ALLOWED = 1;
    public static final int SERVICE_UNKNOWN = 2;
    public static final int OPERATION_NOT_POSSIBLE = 1;
    public static final int SERVICE_NOT_SUPPORTED = 2;
    public static final int OTHER_REASON = 3;
    public static final int PDU_TOO_LONG = 4;

    public ExceptionResponse {
        if (stateError < 0 || stateError > 255 || serviceError < 0 || serviceError > 255) {
            throw new IllegalArgumentException("u8 fields");
        }
    }
}
