package org.adcs.protocol.codec;

/**
 * Why untrusted bytes could not be decoded. Decoders return one of these instead of throwing
 * (issue 4, "Untrusted bytes"), so a malformed frame can only close its own connection.
 */
public sealed interface DecodeError {

    /** Human-readable summary for logs; never contains the raw bytes. */
    String message();

    /** Fewer bytes were present than the encoding announced or needs. */
    record Truncated(String what, int needed, int available) implements DecodeError {
        public String message() {
            return what + ": needs " + needed + " byte(s), " + available + " present";
        }
    }

    /** A tag or choice byte that is not valid at this position. */
    record BadTag(String what, int tag) implements DecodeError {
        public String message() {
            return what + ": unexpected tag 0x" + Integer.toHexString(tag);
        }
    }

    /** A length or count above the configured maximum (or above what can possibly be present). */
    record LengthOverLimit(String what, long length, long limit) implements DecodeError {
        public String message() {
            return what + ": length " + length + " over limit " + limit;
        }
    }

    /** Well-formed but outside the subset this module implements (e.g. ciphered APDUs). */
    record Unsupported(String what) implements DecodeError {
        public String message() {
            return "unsupported: " + what;
        }
    }

    /** Structurally decodable but semantically invalid (wrong version, wrong shape, bad value). */
    record Invalid(String what) implements DecodeError {
        public String message() {
            return "invalid: " + what;
        }
    }

    /** Bytes left over after a complete value. */
    record TrailingBytes(String what, int count) implements DecodeError {
        public String message() {
            return what + ": " + count + " trailing byte(s)";
        }
    }
}
