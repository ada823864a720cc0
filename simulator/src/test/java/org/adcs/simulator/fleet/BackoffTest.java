package org.adcs.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Reconnection with back-off and jitter (issue 5, "Connections"). */
class BackoffTest {
    @Property(tries = 200)
    void theDelayGrowsExponentiallyUpToAMinuteWithinHalfToOneAndAHalfTimes(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1_000_000) int meter,
                                                                          @ForAll @IntRange(min = 1, max = 1000) int attempt) {
        long base = Math.min(Backoff.MAX_MS, Backoff.FIRST_MS << Math.min(attempt - 1, 10));
        long delay = Backoff.delayMillis(seed, meter, attempt);
        assertTrue(delay >= base / 2 && delay < base * 3 / 2, delay + " for base " + base);
        assertEquals(delay, Backoff.delayMillis(seed, meter, attempt), "the same seed replays the same delays");
    }

    @Test
    void metersThatLostTheHeadEndTogetherComeBackSpreadOut() {
        long distinct = IntStream.range(0, 1000).mapToLong(m -> Backoff.delayMillis(1, m, 5) / 100).distinct().count();
        assertTrue(distinct > 30, "first retries spread over the jitter window in 100 ms buckets: " + distinct);
    }
}
