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
import java.util.concurrent.atomic.AtomicInteger;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;

/**
 * A minimal head-end meter port for tests: accepts meters' connections on an ephemeral loopback port,
 * learns each meter's name from its first push and keeps every push. An {@link #acknowledging} stub
 * also associates after each announcement and acknowledges every data push the way the head-end
 * does after storing it (R-COL-1): SET of 0.0.96.128.0.255 to the push's timestamp element.
 */
public final class HeadEndStub implements AutoCloseable {
    private final Channel server;
    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private static final CosemAttribute ACKNOWLEDGEMENT = new CosemAttribute(1, ObisCode.PUSH_ACKNOWLEDGEMENT, 2);
    private final List<Received> pushes = new ArrayList<>();
    private final AtomicInteger acknowledged = new AtomicInteger();

    /** A push and the name of the meter whose connection it came on. */
    public record Received(String meter, DataNotification push) {
    }

    public HeadEndStub(EventLoopGroup group, ClientSettings settings) {
        this(group, settings, false);
    }

    public static HeadEndStub acknowledging(EventLoopGroup group, ClientSettings settings) {
        return new HeadEndStub(group, settings, true);
    }

    private HeadEndStub(EventLoopGroup group, ClientSettings settings, boolean acknowledge) {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.client(settings, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, session -> {
                    String[] name = new String[1];
                    session.onPush(push -> {
                        if (name[0] == null) {
                            name[0] = nameOf(push.body());
                            sessions.put(name[0], session);
                            if (acknowledge) {
                                session.associate();
                            }
                        } else if (acknowledge && ((DlmsData.Structure) push.body()).elements().size() == 5) {
                            session.set(ACKNOWLEDGEMENT, ((DlmsData.Structure) push.body()).elements().get(1)).thenAccept(result -> {
                                if (result == DataAccessResult.SUCCESS) {
                                    acknowledged.incrementAndGet();
                                }
                            });
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

    /** Data pushes the meters took this stub's acknowledgement for. */
    public int acknowledged() {
        return acknowledged.get();
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
