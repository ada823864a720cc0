package org.adcs.protocol.wrapper;

import org.adcs.protocol.codec.ByteReader;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.DecodeError;
import org.adcs.protocol.codec.Decoded;

/** The 8-byte wrapper header, checked before any payload is buffered. */
public record WrapperHeader(int version, int sourceWPort, int destinationWPort, int length) {

    /**
     * Parses and validates a header; a wrong version or a length over {@code maxApduSize} is an
     * error here, so the framer never waits for (or allocates) an oversized payload.
     */
    public static Decoded<WrapperHeader> decode(byte[] eightBytes, int maxApduSize) {
        return Decoded.of("wrapper header", new ByteReader(eightBytes), in -> {
            WrapperHeader h = new WrapperHeader(in.u16("version"), in.u16("source wPort"), in.u16("destination wPort"), in.u16("length"));
            if (h.version != WrapperFrame.VERSION) {
                throw ByteReader.unsupported("wrapper version " + h.version);
            }
            if (h.length > maxApduSize) {
                throw new org.adcs.protocol.codec.DecodeFailure(new DecodeError.LengthOverLimit("wrapper length", h.length, maxApduSize));
            }
            return h;
        });
    }

    public static byte[] encode(WrapperFrame frame) {
        ByteWriter out = new ByteWriter(WrapperFrame.HEADER_LENGTH + frame.apdu().length);
        out.u16(WrapperFrame.VERSION).u16(frame.sourceWPort()).u16(frame.destinationWPort()).u16(frame.apdu().length).bytes(frame.apdu());
        return out.toByteArray();
    }

    /** Decodes exactly one whole frame from bytes (tests, fuzzing, non-Netty transports). */
    public static Decoded<WrapperFrame> decodeFrame(byte[] bytes, int maxApduSize) {
        if (bytes.length < WrapperFrame.HEADER_LENGTH) {
            return Decoded.failed(new DecodeError.Truncated("wrapper header", WrapperFrame.HEADER_LENGTH, bytes.length));
        }
        byte[] head = java.util.Arrays.copyOf(bytes, WrapperFrame.HEADER_LENGTH);
        Decoded<WrapperHeader> header = decode(head, maxApduSize);
        if (!(header instanceof Decoded.Ok<WrapperHeader> ok)) {
            return Decoded.failed(((Decoded.Failed<WrapperHeader>) header).error());
        }
        WrapperHeader h = ok.value();
        int payload = bytes.length - WrapperFrame.HEADER_LENGTH;
        if (payload < h.length) {
            return Decoded.failed(new DecodeError.Truncated("wrapper payload", h.length, payload));
        }
        if (payload > h.length) {
            return Decoded.failed(new DecodeError.TrailingBytes("wrapper frame", payload - h.length));
        }
        return Decoded.ok(new WrapperFrame(h.sourceWPort, h.destinationWPort,
                java.util.Arrays.copyOfRange(bytes, WrapperFrame.HEADER_LENGTH, bytes.length)));
    }
}
