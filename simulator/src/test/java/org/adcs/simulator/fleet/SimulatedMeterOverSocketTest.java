package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.EventLog;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.MeterReader;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.testing.HeadEndStub;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A meter-protocol client reads a simulated meter that dialled in over real loopback TCP (issue 5, "Done when"). */
class SimulatedMeterOverSocketTest {
    private static final Instant START = Instant.parse("2026-03-04T10:07:00Z");
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final ClientSettings client = ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD).withMaxReceivePduSize(1024);

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aDialledInMeterAnnouncesItselfAndServesProfileRegistersClockAndEventLog() throws Exception {
        ManualClock clock = new ManualClock(START);
        FleetTerms terms = FleetTerms.defaults(7, START);
        try (HeadEndStub headEnd = new HeadEndStub(group, client);
             Fleet fleet = new Fleet(FleetConfig.dialling(terms, 3, headEnd.address()).withSourceAddresses(2), clock, group)) {
            fleet.start(false, line -> { });
            assertTrue(fleet.awaitConnected(3, Duration.ofSeconds(10)));
            SimulatedMeter meter = fleet.meter(1);
            headEnd.awaitPushes(p -> p.stream().anyMatch(r -> meter.name().equals(r.meter())), Duration.ofSeconds(10));
            ClientSession session = headEnd.session(meter.name());
            session.associate().get(5, TimeUnit.SECONDS);
            MeterReader reader = new MeterReader(session);

            assertEquals(meter.name(), reader.logicalDeviceName().get(5, TimeUnit.SECONDS));
            assertEquals(meter.now(clock.instant()).getEpochSecond(), reader.clock().get(5, TimeUnit.SECONDS).getEpochSecond());

            Instant dayAgo = START.minus(Duration.ofDays(1));
            List<List<DlmsData>> rows = reader.profile(ObisCode.LOAD_PROFILE, dayAgo, START, ZoneOffset.UTC).get(10, TimeUnit.SECONDS);
            long from = dayAgo.getEpochSecond();
            List<DlmsData> expected = MeterObjects.rows(meter.intervals(from, START.getEpochSecond(), clock.instant()), ZoneOffset.UTC)
                    .stream().map(s -> (DlmsData) s).toList();
            assertEquals(96, rows.size(), "a day of 15-minute intervals, read in blocks");
            assertEquals(expected, rows.stream().map(r -> (DlmsData) new DlmsData.Structure(r)).toList());

            long[] registers = meter.registersNow(clock.instant());
            MeterReader.RegisterReading imp = reader.register(ObisCode.ACTIVE_ENERGY_IMPORT).get(5, TimeUnit.SECONDS);
            assertEquals(meter.spec().importUnit().apply(registers[0]), imp.value());
            assertEquals(BigDecimal.valueOf(registers[1]), reader.register(ObisCode.ACTIVE_ENERGY_EXPORT).get(5, TimeUnit.SECONDS).value());

            Instant memoryStart = START.minus(Duration.ofDays(45));
            List<EventLog.Entry> events = reader.events(memoryStart, START, ZoneOffset.UTC).get(10, TimeUnit.SECONDS);
            List<MeterEvent> truth = meter.events(memoryStart.getEpochSecond(), START.getEpochSecond(), clock.instant());
            assertTrue(truth.size() >= 6, "at least the weekly self-tests");
            assertEquals(truth.stream().map(e -> e.code()).toList(), events.stream().map(EventLog.Entry::code).toList());

            assertEquals(org.adcs.protocol.apdu.DataAccessResult.SUCCESS,
                    reader.setClock(clock.instant().plusSeconds(40), ZoneOffset.UTC).get(5, TimeUnit.SECONDS), "R-CLK-1 correction");
            assertEquals(clock.instant().plusSeconds(40).getEpochSecond(), meter.now(clock.instant()).getEpochSecond());
            assertEquals(List.of(4, 5), meter.runtimeEvents().stream().map(MeterEvent::code).toList(), "the correction is logged");

            org.adcs.protocol.apdu.CosemAttribute capturePeriod = new org.adcs.protocol.apdu.CosemAttribute(7, ObisCode.LOAD_PROFILE, 4);
            assertEquals(org.adcs.protocol.apdu.DataAccessResult.OTHER_REASON,
                    session.set(capturePeriod, new DlmsData.UInt32(700)).get(5, TimeUnit.SECONDS), "not a supported interval");
            assertEquals(org.adcs.protocol.apdu.DataAccessResult.SUCCESS,
                    session.set(capturePeriod, new DlmsData.UInt32(1800)).get(5, TimeUnit.SECONDS), "R-SCH-7: interval programmed remotely");
            assertEquals(30, meter.plan().minutesAt(Long.MAX_VALUE / 4));
        }
    }

    @Test
    void dialledMetersSpreadOverTheirRangeOfLoopbackSourceAddresses() throws Exception {
        ManualClock clock = new ManualClock(START);
        try (HeadEndStub headEnd = new HeadEndStub(group, client);
             Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(7, START), 4, headEnd.address())
                     .withSourceAddresses(2).withFirstSourceHost(7), clock, group)) {
            fleet.start(false, line -> { });
            assertTrue(fleet.awaitConnected(4, Duration.ofSeconds(10)));
            List<String> hosts = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> ((java.net.InetSocketAddress) fleet.meter(i).connection().localAddress()).getAddress().getHostAddress())
                    .toList();
            assertEquals(List.of("127.0.0.7", "127.0.0.8", "127.0.0.7", "127.0.0.8"), hosts,
                    "several fleets on one host (the split benchmark) do not share ephemeral ports");
        }
    }
}
