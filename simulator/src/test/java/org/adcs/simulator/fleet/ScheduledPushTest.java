package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.SingleActionScheduleObject;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterHistory;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.testing.HeadEndStub;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pushes at the meters' scheduled times on a simulated clock (R-COL-1, R-SCH-5, R-SCH-6). */
class ScheduledPushTest {
    private static final Instant START = Instant.parse("2026-03-04T10:07:00Z");
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final ManualClock clock = new ManualClock(START);
    private final HeadEndStub headEnd = new HeadEndStub(group, ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD));
    private final Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(21, START), 4, headEnd.address()), clock, group);

    @AfterEach
    void stop() {
        fleet.close();
        headEnd.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static final CosemAttribute ACKNOWLEDGEMENT = new CosemAttribute(1, org.adcs.protocol.cosem.ObisCode.PUSH_ACKNOWLEDGEMENT, 2);

    /** A push's own timestamp element: what the head-end SETs to acknowledge it (R-COL-1). */
    private static DlmsData timestamp(DlmsData body) {
        return ((DlmsData.Structure) body).elements().get(1);
    }

    private static List<DlmsData> elements(DlmsData body, int i) {
        return ((DlmsData.Array) ((DlmsData.Structure) body).elements().get(i)).elements();
    }

    private List<HeadEndStub.Received> dataPushes(SimulatedMeter meter, int atLeast) throws InterruptedException {
        return headEnd.awaitPushes(p -> p.stream().filter(r -> r.meter().equals(meter.name())
                && ((DlmsData.Structure) r.push().body()).elements().size() == 5
                && !elements(r.push().body(), 2).isEmpty()).count() >= atLeast, Duration.ofSeconds(10))
                .stream().filter(r -> r.meter().equals(meter.name()) && ((DlmsData.Structure) r.push().body()).elements().size() == 5
                        && !elements(r.push().body(), 2).isEmpty()).toList();
    }

    @Test
    void atItsDefaultTimeEachMeterPushesThePreviousDaysIntervalsAndTheMidnightRegisters() throws Exception {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(4, Duration.ofSeconds(10)));
        clock.advance(Duration.between(START, Instant.parse("2026-03-05T04:05:00Z")));
        fleet.tick();
        for (int i = 0; i < 4; i++) {
            SimulatedMeter meter = fleet.meter(i);
            DlmsData body = dataPushes(meter, 1).get(0).push().body();
            long day = Math.floorDiv(Instant.parse("2026-03-04T00:00:00Z").getEpochSecond(), MeterHistory.DAY_SECONDS) * MeterHistory.DAY_SECONDS;
            List<IntervalReading> truth = meter.intervals(day + 1, day + MeterHistory.DAY_SECONDS, clock.instant());
            List<DlmsData> rows = elements(body, 2);
            assertEquals(96, rows.size());
            for (int r = 0; r < 96; r++) {
                List<DlmsData> row = ((DlmsData.Structure) rows.get(r)).elements();
                assertEquals(MeterObjects.time(truth.get(r).end(), meter.terms().offset()), row.get(0));
                assertEquals(truth.get(r).importRaw(), row.get(2).asLong());
                assertEquals(truth.get(r).exportRaw(), row.get(4).asLong());
            }
            List<MidnightRegisters> midnights = meter.midnights(day, day + MeterHistory.DAY_SECONDS, clock.instant());
            long pushedImport = ((DlmsData.Structure) elements(body, 3).get(0)).elements().get(1).asLong();
            assertEquals(midnights.get(1).importRaw(), pushedImport);
            assertEquals(pushedImport - midnights.get(0).importRaw(), truth.stream().mapToLong(IntervalReading::importRaw).sum(),
                    "the MDM sum check passes on clean data");
        }
        assertEquals(4, fleet.stats().pushesSent());
    }

    @Test
    void aScheduleWrittenWithSetIsAcknowledgedAndEachReadSendsFromTheLastOneToNow() throws Exception {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(4, Duration.ofSeconds(10)));
        SimulatedMeter meter = fleet.meter(2);
        headEnd.awaitPushes(p -> p.stream().anyMatch(r -> r.meter().equals(meter.name())), Duration.ofSeconds(10));
        ClientSession session = headEnd.session(meter.name());
        session.associate().get(5, TimeUnit.SECONDS);
        CosemAttribute times = new CosemAttribute(SingleActionScheduleObject.CLASS_ID, MeterObjects.readSchedule(1), 4);
        DlmsData.Array twice = DlmsData.Array.of(SingleActionScheduleObject.dailyAt(11, 0), SingleActionScheduleObject.dailyAt(15, 0));
        assertEquals(DataAccessResult.SUCCESS, session.set(times, twice).get(5, TimeUnit.SECONDS));
        assertNotEquals(DataAccessResult.SUCCESS, session.set(times, DlmsData.Array.of(SingleActionScheduleObject.dailyAt(25, 0)))
                .get(5, TimeUnit.SECONDS), "an hour of 25 is refused");
        assertNotEquals(DataAccessResult.SUCCESS, session.set(times, DlmsData.Array.of(SingleActionScheduleObject.dailyAt(9, 0),
                SingleActionScheduleObject.dailyAt(9, 10))).get(5, TimeUnit.SECONDS), "R-SCH-5: not more often than the 15-minute interval");
        assertEquals(twice, session.get(times).get(5, TimeUnit.SECONDS) instanceof org.adcs.protocol.apdu.GetDataResult.Value v ? v.data() : null);

        var push = session.action(new org.adcs.protocol.apdu.CosemMethod(40, MeterObjects.pushSetup(1), 1), java.util.Optional.empty())
                .get(5, TimeUnit.SECONDS);
        assertEquals(DataAccessResult.SUCCESS, push.result(), "push setup method 1: push now");
        DlmsData onDemand = dataPushes(meter, 1).get(0).push().body();
        assertEquals(40, elements(onDemand, 2).size(), "on demand at 10:07: 00:15 .. 10:00");
        assertEquals(DataAccessResult.SUCCESS, session.set(ACKNOWLEDGEMENT, timestamp(onDemand)).get(5, TimeUnit.SECONDS));

        clock.advance(Duration.ofMinutes(54)); // 11:01
        fleet.tick();
        DlmsData first = dataPushes(meter, 2).get(1).push().body();
        assertEquals(4, elements(first, 2).size(), "the next read sends from the previous one to now (10:15 .. 11:00)");
        clock.advance(Duration.ofHours(4)); // 15:01
        fleet.tick();
        DlmsData second = dataPushes(meter, 3).get(2).push().body();
        assertEquals(20, elements(second, 2).size(), "R-SCH-6: the 11:00 read was not acknowledged, so this one sends "
                + "everything since the last acknowledged one (10:15 .. 15:00)");
        assertEquals(DataAccessResult.SUCCESS, session.set(ACKNOWLEDGEMENT, timestamp(second)).get(5, TimeUnit.SECONDS));
        clock.advance(Duration.ofDays(1).minusHours(4)); // 11:01 the next day
        fleet.tick();
        assertEquals(80, elements(dataPushes(meter, 5).get(4).push().body(), 2).size(),
                "from the last acknowledged read to now (15:15 .. 11:00 the next day): the night's unacknowledged "
                        + "default push (15:15 .. 24:00) goes again");
    }

    @Test
    void eventsArePushedAsTheyHappenWithTheMetersTimeCodeAndIdentifier() throws Exception {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(4, Duration.ofSeconds(10)));
        clock.advance(Duration.between(START, Instant.parse("2026-03-08T02:59:00Z")));
        fleet.tick();
        clock.advance(Duration.ofMinutes(2)); // Sunday 03:01: every meter has run its weekly self-test
        // pushed at once, on its own or with a scheduled push due in the same minute
        fleet.tick();
        DlmsData sunday3am = MeterObjects.time(Instant.parse("2026-03-08T03:00:00Z"), ZoneOffset.UTC);
        for (int i = 0; i < 4; i++) {
            String name = fleet.meter(i).name();
            headEnd.awaitPushes(p -> p.stream().anyMatch(r -> r.meter().equals(name)
                    && ((DlmsData.Structure) r.push().body()).elements().size() == 5
                    && elements(r.push().body(), 4).stream().map(e -> ((DlmsData.Structure) e).elements())
                    .anyMatch(e -> e.get(0).equals(sunday3am) && (e.get(1).asLong() == 230 || e.get(1).asLong() == 231))),
                    Duration.ofSeconds(10));
        }
    }

    @Test
    void anAcknowledgedEventsOnlyPushIsTakenAndNoAcknowledgementOfTheHeadEndsIsRefused() throws Exception {
        try (HeadEndStub acknowledging = HeadEndStub.acknowledging(group, ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD));
             Fleet acked = new Fleet(FleetConfig.dialling(FleetTerms.defaults(21, START), 4, acknowledging.address()), clock, group)) {
            acked.start(false, line -> { });
            assertTrue(acked.awaitConnected(4, Duration.ofSeconds(10)));
            acknowledging.awaitPushes(p -> p.size() >= 4, Duration.ofSeconds(10));
            clock.advance(Duration.between(START, Instant.parse("2026-03-08T03:01:00Z"))); // past Sunday's 03:00 self-tests
            acked.tick();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // The tick starts the event and default pushes; both are sent and acknowledged asynchronously.
            while ((acked.stats().eventPushesAcknowledged() < 4 || acked.stats().pushesAcknowledged() < 4)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertTrue(acked.stats().eventPushesAcknowledged() >= 4, acked.stats().summary());
            assertEquals(4, acked.stats().pushesAcknowledged(), "each meter's default push of the last night: " + acked.stats().summary());
            assertEquals(0, acked.stats().acknowledgementsRefused(), acked.stats().summary());
        }
    }
}
