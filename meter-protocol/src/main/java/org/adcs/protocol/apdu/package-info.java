/**
 * The xDLMS and ACSE APDUs of the subset we speak (logical-name referencing, no ciphering, LLS): AARQ/AARE, RLRQ/RLRE, GET, SET, ACTION, DataNotification, ExceptionResponse, ConfirmedServiceError. {@link org.adcs.protocol.apdu.ApduCodec} is the single entry point for APDU bytes.
 */
package org.adcs.protocol.apdu;
