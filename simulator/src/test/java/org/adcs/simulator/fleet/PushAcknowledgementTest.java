package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.testing.HeadEndStub;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R-COL-1 and R-SCH-6 over real sockets: a scheduled push is delivered only once the head-end SETs its
 * timestamp into the acknowledgement object 0.0.96.128.0.255; an unacknowledged push is sent again,
 * unchanged, after the meter reconnects, and its days go again with the next scheduled push.
 */
class PushAcknowledgementTest {
    private static final Instant START = Instant.parse("2026-03-04T10:07:00Z");
    private static final CosemAttribute ACK = new CosemAttribute(DataObject.CLASS_ID, ObisCode.PUSH_ACKNOWLEDGEMENT, 2);
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final ManualClock clock = new ManualClock(START);
    private final HeadEndStub headEnd = new HeadEndStub(group, ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD));
    private final Fleet fleet = new Fleet(FleetConfig.dialling(FleetTerms.defaults(31, START), 2, headEnd.address()), clock, group);

    @BeforeEach
    void start() throws Exception {
        fleet.start(false, line -> { });
        assertTrue(fleet.awaitConnected(2, Duration.ofSeconds(10)));
        for (int i = 0; i < 2; i++) {
            announcements(fleet.meter(i), 1);
        }
    }

    @AfterEach
    void stop() {
        fleet.close();
        headEnd.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static List<DlmsData> elements(DlmsData body) {
        return ((DlmsData.Structure) body).elements();
    }

    private static boolean isDataPush(HeadEndStub.Received r) {
        return elements(r.push().body()).size() == 5 && !((DlmsData.Array) elements(r.push().body()).get(2)).elements().isEmpty();
    }

    private static int intervals(HeadEndStub.Received r) {
        return ((DlmsData.Array) elements(r.push().body()).get(2)).elements().size();
    }

    /** The push's own timestamp element, which the head-end sends back as the acknowledgement. */
    private static DlmsData timestamp(HeadEndStub.Received r) {
        return elements(r.push().body()).get(1);
    }

    private List<HeadEndStub.Received> dataPushes(SimulatedMeter meter, int atLeast) throws InterruptedException {
        return headEnd.awaitPushes(p -> p.stream().filter(r -> r.meter().equals(meter.name()) && isDataPush(r)).count() >= atLeast,
                Duration.ofSeconds(10)).stream().filter(r -> r.meter().equals(meter.name()) && isDataPush(r)).toList();
    }

    private List<HeadEndStub.Received> announcements(SimulatedMeter meter, int atLeast) throws InterruptedException {
        return headEnd.awaitPushes(p -> p.stream().filter(r -> r.meter().equals(meter.name()) && elements(r.push().body()).size() == 1)
                .count() >= atLeast, Duration.ofSeconds(10)).stream()
                .filter(r -> r.meter().equals(meter.name()) && elements(r.push().body()).size() == 1).toList();
    }

    /**
     * The fleet counts a push once its write has completed, which can be just after the head-end has
     * read it: wait a little for the count, then require it exactly.
     */
    private static void assertCountReaches(long expected, java.util.function.LongSupplier count, String message)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10); // poll interval: the write's completion runs on the meter's event loop
        }
        assertEquals(expected, count.getAsLong(), message);
    }

    private ClientSession associated(SimulatedMeter meter) throws Exception {
        ClientSession session = headEnd.session(meter.name());
        session.associate().get(5, TimeUnit.SECONDS);
        return session;
    }

    /** Past every meter's default push time (00:10..03:59) of the next day. */
    private void nextNight() {
        clock.advance(Duration.between(clock.instant(), clock.instant().plus(Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(4))));
        fleet.tick();
    }

    /**
     * Drops every meter's connection and waits until each has announced itself again and answered an
     * association on its new connection: anything it sends right after its announcement has arrived by then.
     */
    private void reconnectAll() throws Exception {
        int[] before = new int[fleet.size()];
        for (int i = 0; i < fleet.size(); i++) {
            before[i] = announcements(fleet.meter(i), 1).size();
            fleet.meter(i).connection().close().sync();
        }
        for (int i = 0; i < fleet.size(); i++) {
            announcements(fleet.meter(i), before[i] + 1);
        }
        assertTrue(fleet.awaitConnected(fleet.size(), Duration.ofSeconds(10)));
        for (int i = 0; i < fleet.size(); i++) {
            associated(fleet.meter(i));
        }
    }

    private long count(SimulatedMeter meter, java.util.function.Predicate<HeadEndStub.Received> what) {
        return headEnd.pushes().stream().filter(r -> r.meter().equals(meter.name()) && what.test(r)).count();
    }

    @Test
    void anAcknowledgedPushIsNotSentAgainOnReconnectAndAnUnacknowledgedOneIsWithTheSameContent() throws Exception {
        SimulatedMeter acknowledging = fleet.meter(0);
        SimulatedMeter silent = fleet.meter(1);
        ClientSession session = associated(acknowledging);
        nextNight();
        HeadEndStub.Received pushed = dataPushes(acknowledging, 1).get(0);
        HeadEndStub.Received unacknowledged = dataPushes(silent, 1).get(0);
        assertEquals(96, intervals(unacknowledged), "yesterday's intervals");

        assertEquals(DataAccessResult.SUCCESS, session.set(ACK, timestamp(pushed)).get(5, TimeUnit.SECONDS));
        assertEquals(timestamp(pushed), ((GetDataResult.Value) session.get(ACK).get(5, TimeUnit.SECONDS)).data(),
                "the object holds the timestamp acknowledged last");
        assertEquals(1, fleet.stats().pushesAcknowledged());

        reconnectAll();
        assertEquals(1, count(acknowledging, PushAcknowledgementTest::isDataPush), "R-COL-1: an acknowledged push is not sent again");
        List<HeadEndStub.Received> silentPushes = dataPushes(silent, 2);
        assertEquals(2, silentPushes.size());
        HeadEndStub.Received again = silentPushes.get(1);
        assertEquals(unacknowledged.push().body(), again.push().body(), "sent again with its original content and timestamp");
        assertNotEquals(unacknowledged.push().longInvokeIdAndPriority(), again.push().longInvokeIdAndPriority(), "in a new DataNotification");
        assertEquals(1, fleet.stats().pushesResent());

        ClientSession silentSession = headEnd.session(silent.name());
        assertEquals(DataAccessResult.SUCCESS, silentSession.set(ACK, timestamp(again)).get(5, TimeUnit.SECONDS));
        reconnectAll();
        assertEquals(2, count(silent, PushAcknowledgementTest::isDataPush), "acknowledged the second time: not sent a third");
        assertEquals(2, fleet.stats().pushesAcknowledged());
    }

    @Test
    void theNextScheduledPushCarriesTheDaysOfAnUnacknowledgedOneAndStartsAfterAnAcknowledgedOne() throws Exception {
        SimulatedMeter meter = fleet.meter(1);
        ClientSession session = associated(meter);
        nextNight();
        HeadEndStub.Received first = dataPushes(meter, 1).get(0);
        nextNight();
        HeadEndStub.Received second = dataPushes(meter, 2).get(1);
        assertEquals(192, intervals(second), "R-SCH-6: everything since the last acknowledged push, the unacknowledged day again");
        assertEquals(((DlmsData.Array) elements(first.push().body()).get(2)).elements(),
                ((DlmsData.Array) elements(second.push().body()).get(2)).elements().subList(0, 96), "the same day, the same rows");
        assertEquals(DataAccessResult.OTHER_REASON, session.set(ACK, timestamp(first)).get(5, TimeUnit.SECONDS),
                "the first push was replaced by the second: acknowledging it alone is refused");
        assertEquals(DataAccessResult.SUCCESS, session.set(ACK, timestamp(second)).get(5, TimeUnit.SECONDS));

        assertCountReaches(2, () -> fleet.stats().pushesResent(), "each meter's second push carried its first again");

        nextNight();
        assertEquals(96, intervals(dataPushes(meter, 3).get(2)), "after an acknowledgement only the new day");
        assertEquals(288, intervals(dataPushes(fleet.meter(0), 3).get(2)), "meter 0, never acknowledged, sends all three days");
        assertCountReaches(3, () -> fleet.stats().pushesResent(), "meter 0's third push carried its first two again");
    }

    @Test
    void aWrongAcknowledgementIsRefusedAndChangesNothing() throws Exception {
        SimulatedMeter meter = fleet.meter(0);
        ClientSession session = associated(meter);
        nextNight();
        HeadEndStub.Received pushed = dataPushes(meter, 1).get(0);
        CosemDateTime sent = CosemDateTime.fromBytes(((DlmsData.OctetString) timestamp(pushed)).value()).orElseThrow();
        CosemDateTime secondLater = new CosemDateTime(sent.year(), sent.month(), sent.dayOfMonth(), sent.dayOfWeek(), sent.hour(),
                sent.minute(), (sent.second() + 1) % 60, sent.hundredths(), sent.deviationMinutes(), sent.clockStatus());
        byte[] notADate = new byte[12];
        notADate[2] = 13; // month 13

        assertEquals(DataAccessResult.OTHER_REASON, session.set(ACK, new DlmsData.OctetString(secondLater.toBytes())).get(5, TimeUnit.SECONDS),
                "a date-time of no push the meter sent");
        assertEquals(DataAccessResult.TYPE_UNMATCHED, session.set(ACK, new DlmsData.OctetString(notADate)).get(5, TimeUnit.SECONDS));
        assertEquals(DataAccessResult.TYPE_UNMATCHED, session.set(ACK, new DlmsData.UInt32(7)).get(5, TimeUnit.SECONDS));
        assertEquals(new DlmsData.OctetString(new byte[12]), ((GetDataResult.Value) session.get(ACK).get(5, TimeUnit.SECONDS)).data(),
                "still nothing acknowledged");
        assertEquals(0, fleet.stats().pushesAcknowledged());
        assertEquals(1, fleet.stats().acknowledgementsRefused(), "the wrong date-time is counted; malformed values never reach the meter");

        reconnectAll();
        assertEquals(pushed.push().body(), dataPushes(meter, 2).get(1).push().body(), "still unacknowledged, so sent again");
        assertEquals(DataAccessResult.SUCCESS, headEnd.session(meter.name()).set(ACK, timestamp(pushed)).get(5, TimeUnit.SECONDS),
                "the right timestamp is still taken");
    }
}
