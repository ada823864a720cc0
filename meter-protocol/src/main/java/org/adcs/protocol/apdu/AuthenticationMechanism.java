package org.adcs.protocol.apdu;

/** mechanism-name ids (2.16.756.5.8.2.x). Only NONE and LOW (LLS, a password) are implemented. */
public enum AuthenticationMechanism {
    NONE(0), LOW(1), HIGH(2), HIGH_MD5(3), HIGH_SHA1(4), HIGH_GMAC(5), HIGH_SHA256(6), HIGH_ECDSA(7);

    private final int id;

    AuthenticationMechanism(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    static AuthenticationMechanism fromId(int id) {
        for (AuthenticationMechanism m : values()) {
            if (m.id == id) {
                return m;
            }
        }
        return null;
    }
}
