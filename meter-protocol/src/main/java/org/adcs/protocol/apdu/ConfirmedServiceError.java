package org.adcs.protocol.apdu;

/**
 * ConfirmedServiceError: which service failed (1 = initiateError, 5 = read, ...), the ServiceError
 * CHOICE (6 = initiate, ...) and its value (e.g. initiate 1 = dlms-version-too-low).
 */
public record ConfirmedServiceError(int service, int errorType, int errorValue) implements Apdu {
    public ConfirmedServiceError {
        if ((service | errorType | errorValue) < 0 || service > 255 || errorType > 255 || errorValue > 255) {
            throw new IllegalArgumentException("u8 fields");
        }
    }
}
