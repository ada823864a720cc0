package org.adcs.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.adcs.protocol.apdu.Aarq;
import org.adcs.protocol.apdu.Apdu;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.Conformance;
import org.adcs.protocol.axdr.AxdrCodec;
import org.adcs.protocol.codec.Decoded;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.ServerReply;
import org.adcs.protocol.session.ServerSession;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.protocol.wrapper.WrapperHeader;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing (Jazzer) of everything that reads untrusted bytes: the wrapper, the
 * APDU and A-XDR decoders, and both session state machines. Any exception escaping is a finding.
 * Bounded by maxExecutions so it fits the module's test budget; surefire sets JAZZER_FUZZ=1.
 * Jazzer fuzzes one test per JVM, so one test dispatches to every target on the first byte.
 */
class DecoderFuzzTest {
    private static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final Limits SMALL = new Limits(4096, 1 << 16, 8, 1024);
    private static final TestMeter METER = new TestMeter();
    private static final byte[] AARQ = ApduCodec.encode(Aarq.lowLevelSecurity(TestMeter.PASSWORD.getBytes(), Conformance.SUPPORTED, 512));

    @FuzzTest(maxExecutions = 500_000, maxDuration = "60s")
    void untrustedBytesNeverEscapeAsAnException(byte[] input) {
        EXECUTIONS.incrementAndGet();
        if (input.length == 0) {
            return;
        }
        byte[] bytes = Arrays.copyOfRange(input, 1, input.length);
        switch (input[0] & 0x07) {
            case 0 -> assertNotNull(WrapperHeader.decodeFrame(bytes, 4096));
            case 1 -> {
                Decoded<Apdu> apdu = ApduCodec.decode(bytes, SMALL);
                if (apdu instanceof Decoded.Ok<Apdu> ok) {
                    ApduCodec.encode(ok.value());
                }
            }
            case 2 -> assertNotNull(AxdrCodec.decode(bytes, SMALL));
            case 3, 4 -> {
                // an associated server, then the fuzzed request: reaches GET/SET/ACTION dispatch
                ServerSession server = new ServerSession(ServerSettings.withPassword(TestMeter.PASSWORD), METER.model,
                        WrapperFrame.MANAGEMENT_CLIENT);
                server.onApdu(AARQ);
                ServerReply reply = server.onApdu(bytes);
                assertNotNull(reply);
            }
            default -> {
                ClientSession client = new ClientSession(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD),
                        new org.adcs.protocol.session.ApduTransport() {
                            @Override
                            public void send(byte[] apdu) {
                            }

                            @Override
                            public void close() {
                            }
                        }, (delay, task) -> () -> { });
                client.associate();
                client.onApdu(bytes);
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.println("Jazzer fuzz executions: " + EXECUTIONS.get());
    }
}
