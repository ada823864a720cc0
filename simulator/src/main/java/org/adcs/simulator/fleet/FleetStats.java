package org.adcs.simulator.fleet;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters for the progress and summary lines; cheap to update from every event loop. */
public final class FleetStats {
    final AtomicLong connected = new AtomicLong();
    final LongAdder connects = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    final LongAdder pushesSent = new LongAdder();
    final LongAdder eventPushesSent = new LongAdder();
    final LongAdder pushesMissed = new LongAdder();
    final LongAdder pushesAcknowledged = new LongAdder();
    final LongAdder eventPushesAcknowledged = new LongAdder();
    final LongAdder acknowledgementsRefused = new LongAdder();
    final LongAdder pushesResent = new LongAdder();
    final LongAdder requestsServed = new LongAdder();
    final LongAdder faultsInjected = new LongAdder();

    public long connected() {
        return connected.get();
    }

    public long connects() {
        return connects.sum();
    }

    public long pushesSent() {
        return pushesSent.sum();
    }

    public long eventPushesSent() {
        return eventPushesSent.sum();
    }

    public long pushesMissed() {
        return pushesMissed.sum();
    }

    /** Scheduled pushes the head-end acknowledged (R-COL-1). */
    public long pushesAcknowledged() {
        return pushesAcknowledged.sum();
    }

    public long eventPushesAcknowledged() {
        return eventPushesAcknowledged.sum();
    }

    /** Acknowledgements naming no push the meter had outstanding: a head-end bug or a late ack of a superseded push. */
    public long acknowledgementsRefused() {
        return acknowledgementsRefused.sum();
    }

    /** Unacknowledged pushes sent again: after reconnecting, or carried by the next scheduled push. */
    public long pushesResent() {
        return pushesResent.sum();
    }

    public long requestsServed() {
        return requestsServed.sum();
    }

    public long faultsInjected() {
        return faultsInjected.sum();
    }

    public String summary() {
        return String.format("connected %d, connects %d (failed %d), pushes sent %d (+%d event pushes, %d missed), "
                        + "acknowledged %d (+%d event pushes, %d refused), re-sent unacknowledged %d, requests served %d, faults injected %d",
                connected(), connects(), connectFailures.sum(), pushesSent(), eventPushesSent(), pushesMissed(),
                pushesAcknowledged(), eventPushesAcknowledged(), acknowledgementsRefused(), pushesResent(), requestsServed(),
                faultsInjected());
    }
}
