package org.adcs.protocol.codec;

/**
 * Internal control flow of the decoders: thrown deep inside a decoder and always caught at the
 * public entry point ({@link Decoded#of}), where it becomes a {@link Decoded.Failed}. No stack
 * trace, because malformed input is expected traffic, not a bug.
 */
public final class DecodeFailure extends RuntimeException {
    private final transient DecodeError error;

    public DecodeFailure(DecodeError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public DecodeError error() {
        return error;
    }
}
