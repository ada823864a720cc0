package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.MeterReader;
import org.adcs.simulator.cli.SimulatorCli;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.testing.HeadEndStub;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/** What {@code truth} prints is exactly what a DLMS client reads from the running meter (issue 5, "Ground truth"). */
class GroundTruthCorrespondenceTest {
    private static final Instant START = Instant.parse("2026-03-04T10:07:00Z");

    @Test
    void theTruthCommandPrintsExactlyTheIntervalsTheMeterServes() throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(2);
        ManualClock clock = new ManualClock(START);
        try (HeadEndStub headEnd = new HeadEndStub(group, ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD));
             Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(7, START), 5, headEnd.address()), clock, group)) {
            fleet.start(false, line -> { });
            String name = fleet.meter(4).name();
            headEnd.awaitPushes(p -> p.stream().anyMatch(r -> r.meter().equals(name)), Duration.ofSeconds(10));
            ClientSession session = headEnd.session(name);
            session.associate().get(5, TimeUnit.SECONDS);
            Instant from = Instant.parse("2026-03-02T00:15:00Z");
            Instant to = Instant.parse("2026-03-03T00:00:00Z");
            List<List<DlmsData>> rows = new MeterReader(session).profile(ObisCode.LOAD_PROFILE, from, to, ZoneOffset.UTC).get(10, TimeUnit.SECONDS);
            List<String> read = rows.stream().map(r -> "interval," + ClockObject.parseTime(r.get(0)).flatMap(CosemDateTime::toOffsetDateTime)
                    .orElseThrow().toInstant() + "," + r.get(1).asLong() + "," + r.get(2).asLong() + "," + r.get(3).asLong()).toList();

            StringWriter out = new StringWriter();
            int code = SimulatorCli.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "truth", "--seed", "7",
                    "--start", START.toString(), "--meters", "5", "--meter", name, "--from", from.toString(), "--to", to.toString());
            assertEquals(0, code);
            List<String> truth = out.toString().lines().filter(l -> l.startsWith("interval,")).toList();
            assertEquals(96, read.size());
            assertEquals(truth, read);
            assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("register,2026-03-03T00:00:00Z,")));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
