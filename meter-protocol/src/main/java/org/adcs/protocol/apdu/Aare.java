package org.adcs.protocol.apdu;

/**
 * AARE. On acceptance the user information is an InitiateResponse; on some rejections a
 * ConfirmedServiceError (e.g. DLMS version too low). Decoding accepts the optional
 * protocol-version field (sent by some peers, not by others) and ignores it.
 *
 * @param result              0 accepted, 1 rejected-permanent, 2 rejected-transient
 * @param diagnosticSource    1 acse-service-user, 2 acse-service-provider
 * @param diagnostic          e.g. 0 null, 1 no-reason-given, 2 application-context-name-not-supported,
 *                            13 authentication-failure (source user)
 */
public record Aare(int result, int diagnosticSource, int diagnostic, AareUserInformation userInformation) implements Apdu {
    public static final int ACCEPTED = 0;
    public static final int REJECTED_PERMANENT = 1;
    public static final int DIAGNOSTIC_SOURCE_USER = 1;
    public static final int DIAGNOSTIC_NULL = 0;
    public static final int DIAGNOSTIC_NO_REASON = 1;
    public static final int DIAGNOSTIC_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    public static final int DIAGNOSTIC_MECHANISM_NOT_RECOGNISED = 11;
    public static final int DIAGNOSTIC_AUTHENTICATION_REQUIRED = 12;
    public static final int DIAGNOSTIC_AUTHENTICATION_FAILURE = 13;

    public Aare {
        if (result < 0 || result > 2 || diagnosticSource < 1 || diagnosticSource > 2 || diagnostic < 0 || diagnostic > 255) {
            throw new IllegalArgumentException("result 0..2, diagnostic source 1..2");
        }
    }

    public boolean accepted() {
        return result == ACCEPTED;
    }

    /** xDLMS part of the AARE. */
    public sealed interface AareUserInformation {
    }

    /** InitiateResponse; {@code vaaName} is 0x0007 for logical-name referencing. */
    public record InitiateResponse(Conformance negotiatedConformance, int serverMaxReceivePduSize, int dlmsVersion,
                                   int vaaName) implements AareUserInformation {
        public static final int VAA_NAME_LN = 0x0007;

        public InitiateResponse {
            if (serverMaxReceivePduSize < 0 || serverMaxReceivePduSize > 0xFFFF || vaaName < 0 || vaaName > 0xFFFF
                    || dlmsVersion < 0 || dlmsVersion > 255) {
                throw new IllegalArgumentException("u16 fields");
            }
        }
    }

    /** A ConfirmedServiceError instead of an InitiateResponse (e.g. initiate / dlms-version-too-low). */
    public record InitiateError(ConfirmedServiceError error) implements AareUserInformation {
    }
}
