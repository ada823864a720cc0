package org.adcs.protocol.apdu;

import java.util.Optional;
import java.util.OptionalInt;
import org.adcs.protocol.codec.ByteReader;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.Octets;

/**
 * BER encoding of the ACSE APDUs (AARQ, AARE, RLRQ, RLRE) with their xDLMS Initiate payloads.
 * Unknown optional ACSE fields are skipped, so peers that add e.g. protocol-version or
 * implementation-information still associate.
 */
final class AcseCodec {
    /** 2.16.756.5.8.1.x application context; x = 1 logical names, no ciphering. */
    private static final byte[] CONTEXT_PREFIX = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x01};
    /** 2.16.756.5.8.2.x mechanism names. */
    private static final byte[] MECHANISM_PREFIX = {0x60, (byte) 0x85, 0x74, 0x05, 0x08, 0x02};
    private static final int CONTEXT_LN_NO_CIPHERING = 1;
    private static final int CONTEXT_LN_WITH_CIPHERING = 3;
    private static final int INITIATE_REQUEST = 0x01;
    private static final int INITIATE_RESPONSE = 0x08;
    private static final int CONFORMANCE_TAG_1 = 0x5F;
    private static final int CONFORMANCE_TAG_2 = 0x1F;

    private AcseCodec() {
    }

    // ---- encoding ----

    static void encodeAarq(Aarq aarq, ByteWriter out) {
        ByteWriter body = new ByteWriter();
        writeApplicationContext(body);
        if (aarq.mechanism() != AuthenticationMechanism.NONE) {
            body.u8(0x8A).u8(0x02).u8(0x07).u8(0x80); // sender-acse-requirements: authentication
            body.u8(0x8B).u8(0x07).bytes(MECHANISM_PREFIX).u8(aarq.mechanism().id());
        }
        aarq.password().ifPresent(pw -> {
            ByteWriter value = new ByteWriter();
            value.u8(0x80).length(pw.length());
            pw.writeTo(value);
            body.u8(0xAC).length(value.size()).bytes(value.toByteArray());
        });
        ByteWriter initiate = new ByteWriter();
        initiate.u8(INITIATE_REQUEST).u8(0).u8(0).u8(0).u8(aarq.dlmsVersion());
        writeConformance(initiate, aarq.proposedConformance());
        initiate.u16(aarq.clientMaxReceivePduSize());
        writeUserInformation(body, initiate.toByteArray());
        out.u8(ApduTag.AARQ).length(body.size()).bytes(body.toByteArray());
    }

    static void encodeAare(Aare aare, ByteWriter out) {
        ByteWriter body = new ByteWriter();
        writeApplicationContext(body);
        body.u8(0xA2).u8(0x03).u8(0x02).u8(0x01).u8(aare.result());
        body.u8(0xA3).u8(0x05).u8(0xA0 | aare.diagnosticSource()).u8(0x03).u8(0x02).u8(0x01).u8(aare.diagnostic());
        ByteWriter info = new ByteWriter();
        if (aare.userInformation() instanceof Aare.InitiateResponse r) {
            info.u8(INITIATE_RESPONSE).u8(0).u8(r.dlmsVersion());
            writeConformance(info, r.negotiatedConformance());
            info.u16(r.serverMaxReceivePduSize()).u16(r.vaaName());
        } else {
            XdlmsCodec.encodeConfirmedServiceError(((Aare.InitiateError) aare.userInformation()).error(), info);
        }
        writeUserInformation(body, info.toByteArray());
        out.u8(ApduTag.AARE).length(body.size()).bytes(body.toByteArray());
    }

    static void encodeRelease(int tag, OptionalInt reason, ByteWriter out) {
        if (reason.isPresent()) {
            out.u8(tag).u8(0x03).u8(0x80).u8(0x01).u8(reason.getAsInt());
        } else {
            out.u8(tag).u8(0x00);
        }
    }

    private static void writeApplicationContext(ByteWriter body) {
        body.u8(0xA1).u8(0x09).u8(0x06).u8(0x07).bytes(CONTEXT_PREFIX).u8(CONTEXT_LN_NO_CIPHERING);
    }

    private static void writeConformance(ByteWriter out, Conformance conformance) {
        int bits = conformance.bits();
        out.u8(CONFORMANCE_TAG_1).u8(CONFORMANCE_TAG_2).u8(0x04).u8(0x00)
                .u8(bits >>> 16).u8(bits >>> 8).u8(bits);
    }

    private static void writeUserInformation(ByteWriter body, byte[] xdlms) {
        ByteWriter octets = new ByteWriter();
        octets.u8(0x04).length(xdlms.length).bytes(xdlms);
        body.u8(0xBE).length(octets.size()).bytes(octets.toByteArray());
    }

    // ---- decoding (throws DecodeFailure; wrapped by ApduCodec) ----

    static Aarq decodeAarq(ByteReader in) {
        ByteReader body = outer(in, "AARQ");
        AuthenticationMechanism mechanism = AuthenticationMechanism.NONE;
        Optional<Octets> password = Optional.empty();
        Aarq initiate = null;
        boolean contextSeen = false;
        while (body.remaining() > 0) {
            int tag = body.u8("AARQ field tag");
            ByteReader field = body.slice("AARQ field", body.length("AARQ field length", body.remaining()));
            switch (tag) {
                case 0xA1 -> {
                    readApplicationContext(field, false);
                    contextSeen = true;
                }
                case 0x8B -> mechanism = readMechanism(field);
                case 0xAC -> {
                    int choice = field.u8("authentication-value choice");
                    if (choice != 0x80) {
                        throw ByteReader.unsupported("authentication-value choice 0x" + Integer.toHexString(choice));
                    }
                    password = Optional.of(Octets.read(field, "password", field.length("password length", field.remaining())));
                }
                case 0xBE -> initiate = readInitiateRequest(userInformation(field));
                default -> {
                    // protocol-version, called/calling titles, acse-requirements, implementation info: not needed
                }
            }
        }
        if (!contextSeen) {
            throw ByteReader.invalid("AARQ without application-context-name");
        }
        if (initiate == null) {
            throw ByteReader.invalid("AARQ without xDLMS InitiateRequest");
        }
        if (mechanism == AuthenticationMechanism.NONE && password.isPresent()) {
            throw ByteReader.invalid("AARQ with a password but no mechanism");
        }
        return new Aarq(mechanism, password, initiate.proposedConformance(), initiate.clientMaxReceivePduSize(), initiate.dlmsVersion());
    }

    static Aare decodeAare(ByteReader in) {
        ByteReader body = outer(in, "AARE");
        int result = -1;
        int diagnosticSource = -1;
        int diagnostic = -1;
        Aare.AareUserInformation info = null;
        boolean contextSeen = false;
        while (body.remaining() > 0) {
            int tag = body.u8("AARE field tag");
            ByteReader field = body.slice("AARE field", body.length("AARE field length", body.remaining()));
            switch (tag) {
                case 0xA1 -> {
                    readApplicationContext(field, true);
                    contextSeen = true;
                }
                case 0xA2 -> result = readBerInteger(field, "association-result");
                case 0xA3 -> {
                    int source = field.u8("result-source-diagnostic choice");
                    if (source != 0xA1 && source != 0xA2) {
                        throw ByteReader.badTag("result-source-diagnostic", source);
                    }
                    diagnosticSource = source & 0x0F;
                    diagnostic = readBerInteger(field.slice("diagnostic", field.length("diagnostic length", field.remaining())), "diagnostic");
                }
                case 0xBE -> info = readAareUserInformation(userInformation(field));
                default -> {
                    // protocol-version (sent by some peers, not others), responder requirements, mechanism name, ...
                }
            }
        }
        if (!contextSeen || result < 0 || result > 2 || diagnosticSource < 0 || diagnostic > 255 || info == null) {
            throw ByteReader.invalid("AARE lacks application-context, result, diagnostic or user-information");
        }
        return new Aare(result, diagnosticSource, diagnostic, info);
    }

    /**
     * RLRQ / RLRE: only the reason is used. The optional user-information after it is skipped
     * whatever its shape, because a release needs nothing from it and at least one peer
     * (Gurux 4.0.47's server) under-counts its length in the RLRE.
     */
    static OptionalInt decodeRelease(ByteReader in, String what) {
        ByteReader body = outer(in, what);
        OptionalInt reason = OptionalInt.empty();
        if (body.remaining() > 0 && body.peekU8(what + " field tag") == 0x80) {
            body.u8(what + " field tag");
            if (body.u8(what + " reason length") != 1) {
                throw ByteReader.invalid(what + " reason is one byte");
            }
            reason = OptionalInt.of(body.u8("reason"));
        }
        in.skip(what + " user-information", in.remaining());
        return reason;
    }

    private static ByteReader outer(ByteReader in, String what) {
        in.u8(what + " tag");
        ByteReader body = in.slice(what, in.length(what + " length", in.remaining()));
        return body;
    }

    /**
     * Only logical names without ciphering are spoken. An AARE may still name the ciphering
     * context (jDLMS 1.8.0's server does, answering with a plain InitiateResponse): that is
     * accepted, because a ciphered xDLMS part would be refused on its own tag anyway.
     */
    private static void readApplicationContext(ByteReader field, boolean inAare) {
        int tag = field.u8("application-context-name tag");
        if (tag != 0x06) {
            throw ByteReader.badTag("application-context-name", tag);
        }
        int length = field.length("application-context-name length", field.remaining());
        byte[] oid = field.bytes("application-context-name", length);
        if (oid.length != 7 || !startsWith(oid, CONTEXT_PREFIX)) {
            throw ByteReader.unsupported("application context other than DLMS-UA");
        }
        if (oid[6] != CONTEXT_LN_NO_CIPHERING && !(inAare && oid[6] == CONTEXT_LN_WITH_CIPHERING)) {
            throw ByteReader.unsupported("application context " + oid[6] + " (only logical names without ciphering)");
        }
    }

    private static AuthenticationMechanism readMechanism(ByteReader field) {
        byte[] oid = field.bytes("mechanism-name", field.remaining());
        if (oid.length != 7 || !startsWith(oid, MECHANISM_PREFIX)) {
            throw ByteReader.invalid("mechanism-name");
        }
        AuthenticationMechanism mechanism = AuthenticationMechanism.fromId(oid[6] & 0xFF);
        if (mechanism == null) {
            throw ByteReader.unsupported("mechanism " + (oid[6] & 0xFF));
        }
        return mechanism;
    }

    private static ByteReader userInformation(ByteReader field) {
        int tag = field.u8("user-information tag");
        if (tag != 0x04) {
            throw ByteReader.badTag("user-information", tag);
        }
        return field.slice("user-information", field.length("user-information length", field.remaining()));
    }

    private static Aarq readInitiateRequest(ByteReader in) {
        int tag = in.u8("InitiateRequest tag");
        if (tag != INITIATE_REQUEST) {
            throw tag == 0x21 ? ByteReader.unsupported("ciphered InitiateRequest") : ByteReader.badTag("InitiateRequest", tag);
        }
        if (in.u8("dedicated-key flag") != 0) {
            throw ByteReader.unsupported("dedicated key (ciphering)");
        }
        if (in.u8("response-allowed flag") != 0) {
            in.u8("response-allowed");
        }
        if (in.u8("proposed-quality-of-service flag") != 0) {
            in.u8("proposed-quality-of-service");
        }
        int version = in.u8("dlms version");
        Conformance conformance = readConformance(in);
        int maxPdu = in.u16("client-max-receive-pdu-size");
        return new Aarq(AuthenticationMechanism.NONE, Optional.empty(), conformance, maxPdu, version);
    }

    private static Aare.AareUserInformation readAareUserInformation(ByteReader in) {
        int tag = in.u8("InitiateResponse tag");
        if (tag == ApduTag.CONFIRMED_SERVICE_ERROR) {
            return new Aare.InitiateError(XdlmsCodec.readConfirmedServiceErrorBody(in));
        }
        if (tag != INITIATE_RESPONSE) {
            throw tag == 0x28 ? ByteReader.unsupported("ciphered InitiateResponse") : ByteReader.badTag("InitiateResponse", tag);
        }
        if (in.u8("negotiated-quality-of-service flag") != 0) {
            in.u8("negotiated-quality-of-service");
        }
        int version = in.u8("dlms version");
        Conformance conformance = readConformance(in);
        int maxPdu = in.u16("server-max-receive-pdu-size");
        int vaaName = in.u16("vaa-name");
        return new Aare.InitiateResponse(conformance, maxPdu, version, vaaName);
    }

    private static Conformance readConformance(ByteReader in) {
        int t1 = in.u8("conformance tag");
        int t2 = in.u8("conformance tag");
        if (t1 != CONFORMANCE_TAG_1 || t2 != CONFORMANCE_TAG_2) {
            throw ByteReader.badTag("conformance", (t1 << 8) | t2);
        }
        int length = in.u8("conformance length");
        if (length != 4) {
            throw ByteReader.invalid("conformance bit string of length " + length);
        }
        in.u8("conformance unused bits");
        return new Conformance((in.u8("conformance") << 16) | (in.u8("conformance") << 8) | in.u8("conformance"));
    }

    private static int readBerInteger(ByteReader field, String what) {
        int tag = field.u8(what + " tag");
        if (tag != 0x02) {
            throw ByteReader.badTag(what, tag);
        }
        int length = field.length(what + " length", field.remaining());
        if (length != 1) {
            throw ByteReader.invalid(what + " is one byte");
        }
        return field.u8(what);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
