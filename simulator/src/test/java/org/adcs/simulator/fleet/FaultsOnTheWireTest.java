package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.MeterReader;
import org.adcs.protocol.session.SessionException;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.meter.EventCode;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.testing.HeadEndStub;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault given to a listed meter shows on a real loopback connection, and its neighbour is unaffected. */
class FaultsOnTheWireTest {
    private static final Instant START = Instant.parse("2026-03-04T10:07:00Z");
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final ManualClock clock = new ManualClock(START);
    private final HeadEndStub headEnd = new HeadEndStub(group,
            ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD).withTimeout(Duration.ofMillis(800)).withMaxReceivePduSize(512));
    private Fleet fleet;

    @AfterEach
    void stop() {
        fleet.close();
        headEnd.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Meter 0 has the fault, meter 1 is healthy. */
    private ClientSession[] start(FaultRule rule) throws Exception {
        startFleet(rule);
        assertTrue(fleet.awaitConnected(2, Duration.ofSeconds(10)));
        return new ClientSession[] {session(0), session(1)};
    }

    private FleetTerms startFleet(FaultRule rule) {
        FleetTerms terms = FleetTerms.defaults(5, START).withFaults(new FaultPlan(List.of(rule.forMeters(0))));
        fleet = new Fleet(FleetConfig.dialling(terms, 2, headEnd.address()), clock, group);
        fleet.start(false, line -> { });
        return terms;
    }

    private ClientSession session(int meter) throws InterruptedException {
        String name = fleet.meter(meter).name();
        headEnd.awaitPushes(p -> p.stream().anyMatch(r -> r.meter().equals(name)), Duration.ofSeconds(10));
        return headEnd.session(name);
    }

    private static SessionException.Reason failure(java.util.concurrent.CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(SessionException.class, e.getCause()).reason();
    }

    private void assertHealthy(ClientSession s) throws Exception {
        s.associate().get(5, TimeUnit.SECONDS);
        assertEquals(fleet.meter(1).name(), new MeterReader(s).logicalDeviceName().get(5, TimeUnit.SECONDS));
    }

    @Test
    void aMeterThatNeverAnswersLetsTheHeadEndTimeOut() throws Exception {
        ClientSession[] s = start(FaultRule.ofShare(Fault.NEVER_ANSWERS, 0));
        assertEquals(SessionException.Reason.TIMEOUT, failure(s[0].associate()));
        assertHealthy(s[1]);
        assertTrue(fleet.stats().faultsInjected() >= 1);
    }

    @Test
    void aMeterWithTheWrongPasswordRejectsTheAssociation() throws Exception {
        ClientSession[] s = start(FaultRule.ofShare(Fault.WRONG_PASSWORD, 0));
        assertEquals(SessionException.Reason.ASSOCIATION_REJECTED, failure(s[0].associate()));
        assertHealthy(s[1]);
        assertTrue(fleet.meter(0).runtimeEvents().stream().anyMatch(e -> e.code() == EventCode.ASSOCIATION_AUTHENTICATION_FAILURE.code()),
                "the refused association is logged (R-SCH-8)");
    }

    @Test
    void aMeterSendingMalformedFramesFailsTheRequestAsAProtocolError() throws Exception {
        ClientSession[] s = start(FaultRule.ofShare(Fault.MALFORMED_FRAMES, 0));
        SessionException.Reason reason = failure(s[0].associate());
        assertTrue(reason == SessionException.Reason.PROTOCOL_ERROR || reason == SessionException.Reason.CLOSED, reason.name());
        assertHealthy(s[1]);
    }

    @Test
    void aMeterThatDropsMidBlockTransferClosesTheConnectionDialsAgainAndServesTheRetry() throws Exception {
        ClientSession[] s = start(FaultRule.ofShare(Fault.DROP_MID_BLOCK, 0));
        s[0].associate().get(5, TimeUnit.SECONDS);
        var profile = new MeterReader(s[0]).profile(ObisCode.LOAD_PROFILE, START.minus(Duration.ofDays(2)), START, ZoneOffset.UTC);
        assertEquals(SessionException.Reason.CLOSED, failure(profile));
        assertTrue(awaitStats(st -> st.connects() >= 3 && st.connected() == 2), "it dials again with back-off");
        assertHealthy(s[1]);

        // A flaky link, not a dead one: the next transfer, over the new connection, goes through.
        ClientSession again = headEnd.session(fleet.meter(0).name());
        assertTrue(again != s[0], "a new connection");
        again.associate().get(5, TimeUnit.SECONDS);
        var retried = new MeterReader(again).profile(ObisCode.LOAD_PROFILE, START.minus(Duration.ofDays(2)), START,
                ZoneOffset.UTC).get(10, TimeUnit.SECONDS);
        assertEquals(2 * 96, retried.size(), "two whole days of 15-minute intervals");
    }

    @Test
    void aSlowMeterAnswersOnlyAfterTheConfiguredDelay() throws Exception {
        ClientSession[] s = start(FaultRule.ofShare(Fault.SLOW, 0).withDelay(Duration.ofMillis(300)));
        long before = System.nanoTime();
        s[0].associate().get(5, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - before >= Duration.ofMillis(300).toNanos());
        assertHealthy(s[1]);
    }

    @Test
    void aRegionalOutageDisconnectsItsMetersWithPowerDownAndBringsThemBackWithPowerUp() throws Exception {
        FaultRule outage = FaultRule.ofShare(Fault.REGIONAL_OUTAGE, 0).withOutage(Duration.ofHours(1), Duration.ofMinutes(30));
        start(outage);
        SimulatedMeter hit = fleet.meter(0);
        clock.advance(Duration.ofMinutes(61));
        fleet.tick();
        headEnd.awaitPushes(p -> hasEvent(p, hit, EventCode.POWER_DOWN), Duration.ofSeconds(10));
        assertTrue(awaitConnected(1));
        clock.advance(Duration.ofMinutes(30));
        fleet.tick();
        headEnd.awaitPushes(p -> hasEvent(p, hit, EventCode.POWER_UP), Duration.ofSeconds(10));
        long from = hit.history().localOf(START.plus(Duration.ofMinutes(75)));
        List<IntervalReading> during = hit.intervals(from, from + 900, clock.instant());
        assertEquals(IntervalReading.POWER_DOWN, during.get(0).status());
        assertEquals(0, during.get(0).importRaw());
    }

    private boolean awaitConnected(long exactly) throws InterruptedException {
        return awaitStats(st -> st.connected() == exactly);
    }

    /** Waits (on the stats monitor, notified at every connect and disconnect) until the condition holds, up to 10 s. */
    private boolean awaitStats(java.util.function.Predicate<FleetStats> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        FleetStats stats = fleet.stats();
        synchronized (stats) {
            while (!condition.test(stats) && System.nanoTime() < deadline) {
                stats.wait(100);
            }
            return condition.test(stats);
        }
    }

    private static boolean hasEvent(List<HeadEndStub.Received> pushes, SimulatedMeter meter, EventCode code) {
        return pushes.stream().filter(r -> r.meter().equals(meter.name()))
                .map(r -> ((DlmsData.Structure) r.push().body()).elements())
                .filter(e -> e.size() == 5)
                .flatMap(e -> ((DlmsData.Array) e.get(4)).elements().stream())
                .anyMatch(row -> ((DlmsData.Structure) row).elements().get(1).asLong() == code.code());
    }

    @Test
    void anIntermittentMeterIsOffTheNetworkOnItsMissedDaysAndBackOnTheOthers() throws Exception {
        FaultRule rule = FaultRule.ofShare(Fault.INTERMITTENT, 0).withMissedDays(1, 2, true);
        startFleet(rule);
        SimulatedMeter meter = fleet.meter(0);
        long day = Math.floorDiv(START.getEpochSecond(), MeterHistory.DAY_SECONDS);
        boolean offToday = rule.missesDay(meter.spec().seed(), day);
        assertTrue(awaitConnected(offToday ? 1 : 2), offToday ? "not connected on a missed day" : "connected on a normal day");
        int offDays = 0;
        for (int d = 1; d <= 3; d++) {
            clock.advance(Duration.ofHours(14)); // 00:07: the new day decides whether the meter is on the network
            fleet.tick();
            boolean on = !rule.missesDay(meter.spec().seed(), day + d);
            assertTrue(awaitConnected(on ? 2 : 1), "day " + d + " at 00:07");
            clock.advance(Duration.ofHours(10)); // 10:07, past the default push time
            fleet.tick();
            boolean off = rule.missesDay(meter.spec().seed(), day + d);
            offDays += off ? 1 : 0;
            assertTrue(awaitConnected(off ? 1 : 2), "day " + d + (off ? " off" : " on"));
        }
        assertEquals(offDays, meter.runtimeEvents().stream().filter(e -> e.code() == EventCode.SCHEDULED_PUSH_FAILED.code()).count(),
                "each missed daily push is logged (R-SCH-8)");
    }

    @Test
    void aMeterWithShortMemoryHoldsOnlyItsLastDays() throws Exception {
        start(FaultRule.ofShare(Fault.SHORT_MEMORY, 0).withMemoryDays(10));
        List<IntervalReading> held = fleet.meter(0).intervals(0, Long.MAX_VALUE / 2, clock.instant());
        assertTrue(held.get(0).end().isAfter(START.minus(Duration.ofDays(11))));
        assertTrue(fleet.meter(1).intervals(0, Long.MAX_VALUE / 2, clock.instant()).size() > 45 * 96);
    }
}
