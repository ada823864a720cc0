package org.adcs.protocol.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.protocol.wrapper.WrapperHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Encoding and decoding one meter's daily push in its wrapper frame, single-threaded (one core),
 * against a plain copy of the same number of bytes measured in the same run (ARCHITECTURE.md,
 * "Performance budgets": figures as a ratio to a same-run baseline). Target: ≥ 50,000 decodes/s.
 * Run: {@code mvn -q -pl meter-protocol -Pbench test-compile exec:exec} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DailyPushBenchmark {
    private final DataNotification push = DailyPush.build("ADC0000000000042", Instant.parse("2026-03-01T00:00:00Z"));
    private final byte[] frame = WrapperHeader.encode(new WrapperFrame(1, 1, ApduCodec.encode(push)));

    @Benchmark
    public byte[] encodeDailyPush() {
        return WrapperHeader.encode(new WrapperFrame(1, 1, ApduCodec.encode(push)));
    }

    @Benchmark
    public Apdu decodeDailyPush() {
        Decoded<WrapperFrame> wrapped = WrapperHeader.decodeFrame(frame, Limits.DEFAULT.maxApduSize());
        return ApduCodec.decode(((Decoded.Ok<WrapperFrame>) wrapped).value().apdu(), Limits.DEFAULT).orElseThrow();
    }

    /** Baseline: copying the same number of bytes, the least any decoder must do. */
    @Benchmark
    public byte[] copySameBytes() {
        return Arrays.copyOf(frame, frame.length);
    }

    public static void main(String[] args) throws Exception {
        int bytes = new DailyPushBenchmark().frame.length;
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(DailyPushBenchmark.class.getSimpleName()).build()).run();
        double decode = score(results, "decodeDailyPush");
        double encode = score(results, "encodeDailyPush");
        double copy = score(results, "copySameBytes");
        System.out.printf("%nDaily push: %d bytes on the wire (96 intervals x 2 channels, 4 registers, 3 events)%n", bytes);
        System.out.printf("decode: %,.0f pushes/s per core (target >= 50,000)%n", decode);
        System.out.printf("encode: %,.0f pushes/s per core%n", encode);
        System.out.printf("baseline copy of %d bytes: %,.0f copies/s%n", bytes, copy);
        System.out.printf("decode / copy ratio: 1 : %.1f   encode / copy ratio: 1 : %.1f%n", copy / decode, copy / encode);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
