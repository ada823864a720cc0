package org.adcs.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.simulator.fault.Fault;
import org.adcs.protocol.field.FieldDumpFile;
import org.adcs.simulator.field.FieldDump;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.testing.HeadEndStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line (issue 5, "Interface"): run, truth and field-dump; bad arguments get a clear message and exit 2. */
class SimulatorCliTest {
    private static final String START = "2026-03-04T10:07:00Z";

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SimulatorCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void badArgumentsGetAClearMessageAndANonZeroExit() {
        Result unknownFault = cli("run", "--meters", "3", "--fault", "gremlins:5%");
        assertEquals(2, unknownFault.code());
        assertTrue(unknownFault.err().contains("unknown fault 'gremlins'"), unknownFault.err());
        Result noSize = cli("run");
        assertEquals(2, noSize.code());
        assertTrue(noSize.err().contains("--meters"), noSize.err());
        Result badHeadEnd = cli("run", "--meters", "3", "--head-end", "localhost");
        assertEquals(2, badHeadEnd.code());
        assertTrue(badHeadEnd.err().contains("--head-end must be host:port"), badHeadEnd.err());
        Result badShare = cli("truth", "--meter", "1", "--from", START, "--to", "2026-03-05T00:00:00Z", "--fault", "slow:150%");
        assertEquals(2, badShare.code());
        assertTrue(badShare.err().contains("share must be between 0 and 100%"), badShare.err());
        Result badMeter = cli("truth", "--meters", "10", "--meter", "12", "--from", START, "--to", "2026-03-05T00:00:00Z");
        assertEquals(2, badMeter.code());
        assertTrue(badMeter.err().contains("not in a fleet of 10"), badMeter.err());
        Result badListen = cli("run", "--meters", "10", "--listen", "65530");
        assertEquals(2, badListen.code());
        assertTrue(badListen.err().contains("must lie in 1..65535"), badListen.err());
        assertEquals(2, cli().code(), "a command is required");
    }

    @Test
    void theFaultHelpNamesEveryFault() {
        assertTrue(Arrays.stream(Fault.values()).allMatch(f -> FaultSpec.HELP.contains(f.cliName())));
    }

    @Test
    void truthPrintsTheSameValuesForTheSameSeedAndOthersForAnother() {
        String[] args = {"truth", "--seed", "7", "--start", START, "--meter", "ADC0000010000042",
                "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z"}; // both ends inclusive, as a DLMS range
        Result a = cli(args);
        Result b = cli(args);
        String[] other = args.clone();
        other[2] = "8";
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertNotEquals(a.out(), cli(other).out());
        assertEquals(97, a.out().lines().filter(l -> l.startsWith("interval,")).count(), "00:00 .. 00:00 the next day");
        assertEquals(2, a.out().lines().filter(l -> l.startsWith("register,")).count());
        assertTrue(a.out().contains("meter,ADC0000010000042,10000042,"));
    }

    @Test
    void fieldDumpWritesTheWholeMemoryInAVersionedCheckedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meter.fdmp");
        Result r = cli("field-dump", "--seed", "7", "--start", START, "--meter", "3", "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(file);
        FieldDumpFile.Content content = FieldDump.read(bytes);
        assertEquals("ADC0000010000003", content.logicalDeviceName());
        assertTrue(content.loadProfile().size() >= 45 * 96);
        assertEquals(46, content.powerQuality().size());
        assertEquals(900, content.capturePeriodSeconds());
        assertEquals(234, content.eventLog().get(content.eventLog().size() - 1).code(),
                "the meter logged the field download (R-SCH-8)");
        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 1;
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FieldDump.read(damaged));
        assertTrue(e.getMessage().contains("checksum"));
        byte[] future = bytes.clone();
        future[9] = 2;
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FieldDump.read(future))
                .getMessage().contains("version 2"));
    }

    @Test
    void runConnectsTheFleetAndPrintsProgressAndSummaries() {
        EventLoopGroup group = new NioEventLoopGroup(1);
        try (HeadEndStub headEnd = new HeadEndStub(group, ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD))) {
            Result r = cli("run", "--meters", "5", "--head-end", "127.0.0.1:" + headEnd.address().getPort(), "--start", START,
                    "--speed", "600", "--duration", "1500ms", "--summary-every", "500ms", "--fault", "slow:meters=1:delay=1s");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("connected: 5/5"), r.out());
            assertTrue(r.out().contains("final: connected 5"), r.out());
            assertTrue(r.out().lines().filter(l -> l.contains("pushes sent")).count() >= 2, r.out());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void runReportsThePushesTheHeadEndAcknowledged() {
        EventLoopGroup group = new NioEventLoopGroup(1);
        try (HeadEndStub headEnd = HeadEndStub.acknowledging(group, ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD))) {
            // 23:50 at 6,000 simulated seconds per second: every meter's default push (00:10..03:59) leaves 0.2..2.4 s
            // into the run, and the run lasts 8 s (13 simulated hours, short of the next night), so a loaded
            // machine has seconds to connect the meters and acknowledge the last push.
            Result r = cli("run", "--meters", "5", "--head-end", "127.0.0.1:" + headEnd.address().getPort(),
                    "--start", "2026-03-04T23:50:00Z", "--speed", "6000", "--duration", "8s", "--summary-every", "2s");
            assertEquals(0, r.code(), r.err());
            String last = r.out().lines().filter(l -> l.startsWith("final: ")).findFirst().orElseThrow();
            assertTrue(last.contains("pushes sent 5 "), last);
            java.util.regex.Matcher counted = java.util.regex.Pattern.compile("acknowledged (\\d+) \\(\\+\\d+ event pushes, 0 refused\\)")
                    .matcher(last);
            assertTrue(counted.find(), last);
            int acknowledged = Integer.parseInt(counted.group(1));
            // one still in flight when the run stops may be missing on either side
            assertTrue(acknowledged >= 4 && acknowledged <= 5, last);
            assertTrue(Math.abs(headEnd.acknowledged() - acknowledged) <= 1, "the summary counts what the head-end acknowledged ("
                    + headEnd.acknowledged() + "): " + last);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
