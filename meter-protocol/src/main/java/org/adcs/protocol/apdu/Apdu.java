package org.adcs.protocol.apdu;

/**
 * An xDLMS or ACSE APDU of the subset this module speaks (logical-name referencing, no ciphering;
 * issue 4, "APDUs"). Encode and decode with {@link ApduCodec}.
 */
public sealed interface Apdu permits Aarq, Aare, ReleaseRequest, ReleaseResponse, GetRequest, GetResponse,
        SetRequest, SetResponse, ActionRequest, ActionResponse, DataNotification, ExceptionResponse,
        ConfirmedServiceError {
}
