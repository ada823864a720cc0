package org.adcs.simulator.fleet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.wrapper.WrapperFrame;

/** Outbound handlers that make a meter misbehave on the wire; pushes (DataNotification) pass untouched. */
final class FaultHandlers {
    private static final byte DATA_NOTIFICATION = 0x0F;
    private static final byte GET_RESPONSE = (byte) 0xC4;
    private static final byte WITH_DATABLOCK = 2;

    private FaultHandlers() {
    }

    static boolean isReply(Object msg) {
        return msg instanceof WrapperFrame f && f.apdu().length > 0 && f.apdu()[0] != DATA_NOTIFICATION;
    }

    /** Answers slowly: each reply leaves after a delay, on the shared timer wheel; a bounded number may wait. */
    static final class SlowAnswers extends ChannelOutboundHandlerAdapter {
        private static final int MAX_WAITING = 16;
        private final Timer timer;
        private final long delayNanos;
        private final FleetStats stats;
        private int waiting;

        SlowAnswers(Timer timer, Duration delay, FleetStats stats) {
            this.timer = timer;
            this.delayNanos = delay.toNanos();
            this.stats = stats;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (!isReply(msg)) {
                ctx.write(msg, promise);
                return;
            }
            if (waiting >= MAX_WAITING) {
                ctx.close(); // a client flooding a slow meter gets disconnected, not an unbounded backlog
                return;
            }
            waiting++;
            stats.faultsInjected.increment();
            timer.newTimeout(t -> ctx.executor().execute(() -> {
                waiting--;
                ctx.writeAndFlush(msg, promise);
            }), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Drops the connection instead of sending the second block of a long GET (block transfer). */
    static final class DropMidBlock extends ChannelOutboundHandlerAdapter {
        private final FleetStats stats;
        private final java.util.concurrent.atomic.AtomicInteger transfers;

        /**
         * @param transfers the meter's block transfers so far, across its connections: every other
         *                  one is dropped, so a reader that tries again over the next connection
         *                  gets its data (a flaky link, not a dead one)
         */
        DropMidBlock(FleetStats stats, java.util.concurrent.atomic.AtomicInteger transfers) {
            this.stats = stats;
            this.transfers = transfers;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof WrapperFrame f && f.apdu().length >= 8 && f.apdu()[0] == GET_RESPONSE && f.apdu()[1] == WITH_DATABLOCK) {
                long block = ((f.apdu()[4] & 0xFFL) << 24) | ((f.apdu()[5] & 0xFF) << 16) | ((f.apdu()[6] & 0xFF) << 8) | (f.apdu()[7] & 0xFF);
                if (block == 2 && transfers.getAndIncrement() % 2 == 0) {
                    stats.faultsInjected.increment();
                    promise.setFailure(new IllegalStateException("simulated drop in the middle of a block transfer"));
                    ctx.close();
                    return;
                }
            }
            ctx.write(msg, promise);
        }
    }

    /** Sends malformed replies: the APDU is cut short inside a well-formed wrapper frame. */
    static final class MalformedReplies extends ChannelOutboundHandlerAdapter {
        private final FleetStats stats;

        MalformedReplies(FleetStats stats) {
            this.stats = stats;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (isReply(msg)) {
                WrapperFrame f = (WrapperFrame) msg;
                byte[] cut = java.util.Arrays.copyOf(f.apdu(), Math.min(f.apdu().length, 3));
                if (cut.length > 1) {
                    cut[cut.length - 1] = (byte) 0xFF; // an invalid choice or length where the content should be
                }
                stats.faultsInjected.increment();
                ctx.write(new WrapperFrame(f.sourceWPort(), f.destinationWPort(), cut), promise);
                return;
            }
            ctx.write(msg, promise);
        }
    }
}
