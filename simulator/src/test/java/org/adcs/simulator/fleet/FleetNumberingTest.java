package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.channel.nio.NioEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Instant;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.ManualClock;
import org.junit.jupiter.api.Test;

/** Two fleets numbered apart are one population: the same meters, identities and data as one fleet. */
class FleetNumberingTest {

    private static final Instant START = Instant.parse("2026-11-02T05:00:00Z");
    private static final InetSocketAddress HEAD_END = new InetSocketAddress("127.0.0.1", 4059);

    @Test
    void aFleetNumberedFromAMeterHoldsThatMeterAndTheOnesAfterIt() {
        FleetTerms terms = FleetTerms.defaults(11, START);
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        try {
            ManualClock clock = new ManualClock(START.plusSeconds(3 * 86_400));
            Fleet whole = new Fleet(FleetConfig.dialling(terms, 8, HEAD_END), clock, group);
            Fleet tail = new Fleet(FleetConfig.dialling(terms, 3, HEAD_END).withFirstMeter(5), clock, group);
            for (int i = 0; i < 3; i++) {
                assertEquals(whole.meter(5 + i).name(), tail.meter(i).name());
                assertArrayEquals(whole.meter(5 + i).registersNow(clock.instant()), tail.meter(i).registersNow(clock.instant()));
            }
            assertEquals("ADC0000010000005", tail.meter(0).name());
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aFleetBeyondTheLargestPopulationIsRefused() {
        FleetTerms terms = FleetTerms.defaults(11, START);
        assertThrows(IllegalArgumentException.class,
                () -> FleetConfig.dialling(terms, 10, HEAD_END).withFirstMeter(FleetConfig.MAX_SIZE - 5));
        assertThrows(IllegalArgumentException.class, () -> FleetConfig.dialling(terms, 10, HEAD_END).withFirstMeter(-1));
    }
}
