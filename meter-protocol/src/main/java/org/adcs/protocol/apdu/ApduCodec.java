package org.adcs.protocol.apdu;

import org.adcs.protocol.codec.ByteReader;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.DecodeError;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;

/** The single entry point for APDU bytes: encode any {@link Apdu}; decode untrusted bytes to a typed result. */
public final class ApduCodec {
    private ApduCodec() {
    }

    public static byte[] encode(Apdu apdu) {
        ByteWriter out = new ByteWriter(256);
        encode(apdu, out);
        return out.toByteArray();
    }

    public static void encode(Apdu apdu, ByteWriter out) {
        if (apdu instanceof Aarq a) {
            AcseCodec.encodeAarq(a, out);
        } else if (apdu instanceof Aare a) {
            AcseCodec.encodeAare(a, out);
        } else if (apdu instanceof ReleaseRequest r) {
            AcseCodec.encodeRelease(ApduTag.RLRQ, r.reason(), out);
        } else if (apdu instanceof ReleaseResponse r) {
            AcseCodec.encodeRelease(ApduTag.RLRE, r.reason(), out);
        } else if (apdu instanceof GetRequest g) {
            XdlmsCodec.encodeGetRequest(g, out);
        } else if (apdu instanceof GetResponse g) {
            XdlmsCodec.encodeGetResponse(g, out);
        } else if (apdu instanceof SetRequest s) {
            XdlmsCodec.encodeSetRequest(s, out);
        } else if (apdu instanceof SetResponse s) {
            XdlmsCodec.encodeSetResponse(s, out);
        } else if (apdu instanceof ActionRequest a) {
            XdlmsCodec.encodeActionRequest(a, out);
        } else if (apdu instanceof ActionResponse a) {
            XdlmsCodec.encodeActionResponse(a, out);
        } else if (apdu instanceof DataNotification d) {
            XdlmsCodec.encodeDataNotification(d, out);
        } else if (apdu instanceof ExceptionResponse e) {
            XdlmsCodec.encodeExceptionResponse(e, out);
        } else if (apdu instanceof ConfirmedServiceError e) {
            XdlmsCodec.encodeConfirmedServiceError(e, out);
        } else {
            throw new IllegalStateException("no encoder for " + apdu.getClass());
        }
    }

    /**
     * The body of a GET with-list response (count and Get-Data-Results): what block transfer
     * slices when a with-list answer does not fit one APDU.
     */
    public static byte[] encodeGetDataResults(java.util.List<GetDataResult> results) {
        ByteWriter out = new ByteWriter(256);
        XdlmsCodec.writeGetDataResults(results, out);
        return out.toByteArray();
    }

    public static Decoded<java.util.List<GetDataResult>> decodeGetDataResults(byte[] bytes, Limits limits) {
        return Decoded.of("Get-Data-Results", new ByteReader(bytes), in -> XdlmsCodec.readGetDataResults(in, limits));
    }

    /** Decodes one complete APDU; never throws, whatever the bytes. */
    public static Decoded<Apdu> decode(byte[] bytes, Limits limits) {
        if (bytes.length > limits.maxApduSize()) {
            return Decoded.failed(new DecodeError.LengthOverLimit("APDU", bytes.length, limits.maxApduSize()));
        }
        return Decoded.of("APDU", new ByteReader(bytes), in -> read(in, limits));
    }

    private static Apdu read(ByteReader in, Limits limits) {
        int tag = in.peekU8("APDU tag");
        return switch (tag) {
            case ApduTag.AARQ -> AcseCodec.decodeAarq(in);
            case ApduTag.AARE -> AcseCodec.decodeAare(in);
            case ApduTag.RLRQ -> new ReleaseRequest(AcseCodec.decodeRelease(in, "RLRQ"));
            case ApduTag.RLRE -> new ReleaseResponse(AcseCodec.decodeRelease(in, "RLRE"));
            default -> {
                in.u8("APDU tag");
                yield switch (tag) {
                    case ApduTag.GET_REQUEST -> XdlmsCodec.decodeGetRequest(in, limits);
                    case ApduTag.GET_RESPONSE -> XdlmsCodec.decodeGetResponse(in, limits);
                    case ApduTag.SET_REQUEST -> XdlmsCodec.decodeSetRequest(in, limits);
                    case ApduTag.SET_RESPONSE -> XdlmsCodec.decodeSetResponse(in);
                    case ApduTag.ACTION_REQUEST -> XdlmsCodec.decodeActionRequest(in, limits);
                    case ApduTag.ACTION_RESPONSE -> XdlmsCodec.decodeActionResponse(in, limits);
                    case ApduTag.DATA_NOTIFICATION -> XdlmsCodec.decodeDataNotification(in, limits);
                    case ApduTag.EXCEPTION_RESPONSE -> XdlmsCodec.decodeExceptionResponse(in);
                    case ApduTag.CONFIRMED_SERVICE_ERROR -> XdlmsCodec.readConfirmedServiceErrorBody(in);
                    case 0xDB, 0xC8, 0xC9, 0xCB, 0xCC, 0xCD, 0xCF, 0xD0, 0xD1, 0xD3, 0xDD, 0xDE, 0xE0, 0xE6 ->
                            throw ByteReader.unsupported("ciphered or general APDU 0x" + Integer.toHexString(tag));
                    default -> throw ByteReader.badTag("APDU", tag);
                };
            }
        };
    }
}
