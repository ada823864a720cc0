package org.adcs.simulator.meter;

import java.time.Instant;

/**
 * What one scheduled push covers, all a composer needs to build it again byte for byte in its body:
 * its timestamp (the meter's time when it was first composed, to the hundredth of a second the
 * COSEM date-time carries), the intervals ending in (intervalsAfterLocal, intervalsUntilLocal], and
 * the events from eventsFromLocal to the timestamp. Built on demand from a few longs in
 * {@link SimulatedMeter}; never stored per push.
 *
 * @param timeMillis          the push's own timestamp element, meter time, epoch milliseconds (multiple of 10)
 * @param intervalsAfterLocal intervals ending after this local second are included
 * @param intervalsUntilLocal ... up to and including this one
 * @param eventsFromLocal     events logged at or after this local second are included
 */
public record PushWindow(long timeMillis, long intervalsAfterLocal, long intervalsUntilLocal, long eventsFromLocal) {
    public Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }
}
