package org.adcs.simulator.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;

/**
 * A minimal head-end meter port for tests and the benchmark: accepts meters' connections on an
 * ephemeral loopback port, learns each meter's name from its first push and keeps every push.
 */
public final class HeadEndStub implements AutoCloseable {
    private final Channel server;
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final List<Received> pushes = new ArrayList<>();

    /** A push and the name of the meter whose connection it came on. */
    public record Received(String meter, DataNotification push) {
    }

    public HeadEndStub(EventLoopGroup group, ClientSettings settings) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.client(settings, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, session -> {
                    String[] name = new String[1];
                    session.onPush(push -> {
                        if (name[0] == null) {
                            name[0] = nameOf(push.body());
                            sessions.put(name[0], session);
                        }
                        synchronized (pushes) {
                            pushes.add(new Received(name[0], push));
                            pushes.notifyAll();
                        }
                    });
                }))
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
    }

    public static String nameOf(DlmsData body) {
        DlmsData first = ((DlmsData.Structure) body).elements().get(0);
        return new String(((DlmsData.OctetString) first).value(), StandardCharsets.US_ASCII);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    public ClientSession session(String meter) {
        return sessions.get(meter);
    }

    public List<Received> pushes() {
        synchronized (pushes) {
            return List.copyOf(pushes);
        }
    }

    /** Waits until the pushes received satisfy {@code condition}; returns them (or fails after the timeout). */
    public List<Received> awaitPushes(Predicate<List<Received>> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pushes) {
            while (!condition.test(pushes)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("condition not met in " + timeout + "; pushes: " + pushes.size());
                }
                TimeUnit.NANOSECONDS.timedWait(pushes, left);
            }
            return List.copyOf(pushes);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }
}
