package org.adcs.protocol.session;

import java.time.Duration;

/** Schedules response timeouts; Netty adapters use the channel's event loop, tests a manual clock. */
@FunctionalInterface
public interface TimeoutScheduler {
    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
