package org.adcs.protocol.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.Test;

/** Pushes decoded off the event loop keep their order and are never dropped, even when the decoder is full. */
class DlmsClientHandlerTest {

    private static WrapperFrame push(long n) {
        return new WrapperFrame(1, 0x66, ApduCodec.encode(new DataNotification(n, Optional.empty(), new DlmsData.UInt32(n))));
    }

    @Test
    void pushesGoToTheDecodingGroupInTheOrderTheyArrived() throws Exception {
        DefaultEventExecutorGroup decoding = new DefaultEventExecutorGroup(2, new DefaultThreadFactory("test-decoding", true));
        List<Long> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(200);
        try {
            EmbeddedChannel channel = new EmbeddedChannel(new DlmsClientHandler(ClientSettings.noSecurity(), 16, 1,
                    session -> session.onPush(p -> {
                        seen.add(p.longInvokeIdAndPriority());
                        threads.add(Thread.currentThread().getName());
                        all.countDown();
                    }), decoding));
            for (long n = 1; n <= 200; n++) {
                channel.writeInbound(push(n));
            }
            assertTrue(all.await(10, TimeUnit.SECONDS));
            assertEquals(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList(), seen);
            assertTrue(threads.stream().allMatch(t -> t.startsWith("test-decoding")), threads.get(0));
            assertEquals(1, threads.stream().distinct().count(), "one connection's pushes on one decoder");
        } finally {
            decoding.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPushTheDecoderCannotQueueIsDecodedOnTheEventLoopNotDropped() throws Exception {
        // Netty queues at least 16 tasks per executor; the decoder is held busy so the queue fills.
        DefaultEventExecutorGroup decoding = new DefaultEventExecutorGroup(1, new DefaultThreadFactory("test-full", true), 1,
                RejectedExecutionHandlers.reject());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        decoding.next().execute(() -> {
            blocked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(blocked.await(10, TimeUnit.SECONDS));
        List<Long> seen = new CopyOnWriteArrayList<>();
        try {
            EmbeddedChannel channel = new EmbeddedChannel(new DlmsClientHandler(ClientSettings.noSecurity(), 16, 1,
                    session -> session.onPush(p -> seen.add(p.longInvokeIdAndPriority())), decoding));
            for (long n = 1; n <= 16; n++) {
                channel.writeInbound(push(n)); // queued behind the busy task
            }
            channel.writeInbound(push(17)); // queue full: decoded here, at once
            assertEquals(List.of(17L), seen);
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < 17 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
            List<Long> expected = new java.util.ArrayList<>(List.of(17L));
            expected.addAll(java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList());
            assertEquals(expected, seen, "every push reaches the listener");
        } finally {
            release.countDown();
            decoding.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
