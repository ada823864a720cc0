package org.adcs.protocol.codec;

import java.util.function.Function;

/** The outcome of decoding untrusted bytes: a value or a typed {@link DecodeError}, never an exception. */
public sealed interface Decoded<T> {

    record Ok<T>(T value) implements Decoded<T> {
    }

    record Failed<T>(DecodeError error) implements Decoded<T> {
    }

    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Decoded<T> failed(DecodeError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <R> Decoded<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Failed<>(((Failed<T>) this).error());
    }

    /** The value, or an {@link IllegalStateException} naming the error: for trusted bytes and tests only. */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException(((Failed<T>) this).error().message());
    }

    /**
     * Runs a decoder written against {@link ByteReader} and turns its {@link DecodeFailure} into a
     * typed result; requires the decoder to consume every byte.
     */
    static <T> Decoded<T> of(String what, ByteReader reader, Function<ByteReader, T> decoder) {
        try {
            T value = decoder.apply(reader);
            if (reader.remaining() != 0) {
                return failed(new DecodeError.TrailingBytes(what, reader.remaining()));
            }
            return ok(value);
        } catch (DecodeFailure failure) {
            return failed(failure.error());
        }
    }
}
