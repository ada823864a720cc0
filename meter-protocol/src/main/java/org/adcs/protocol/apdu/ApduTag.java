package org.adcs.protocol.apdu;

/** First byte of each APDU (Green Book, xDLMS APDU tags). */
final class ApduTag {
    static final int AARQ = 0x60;
    static final int AARE = 0x61;
    static final int RLRQ = 0x62;
    static final int RLRE = 0x63;
    static final int CONFIRMED_SERVICE_ERROR = 0x0E;
    static final int DATA_NOTIFICATION = 0x0F;
    static final int GET_REQUEST = 0xC0;
    static final int SET_REQUEST = 0xC1;
    static final int ACTION_REQUEST = 0xC3;
    static final int GET_RESPONSE = 0xC4;
    static final int SET_RESPONSE = 0xC5;
    static final int ACTION_RESPONSE = 0xC7;
    static final int EXCEPTION_RESPONSE = 0xD8;

    private ApduTag() {
    }
}
