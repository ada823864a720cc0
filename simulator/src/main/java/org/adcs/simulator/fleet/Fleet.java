package org.adcs.simulator.fleet;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.adcs.protocol.netty.WrapperFrameDecoder;
import org.adcs.protocol.netty.WrapperFrameEncoder;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.cosem.MeterHooks;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.meter.IntervalPlan;
import org.adcs.simulator.meter.MeterSpec;
import org.adcs.simulator.meter.SimulatedMeter;
import org.adcs.simulator.time.SimulatedClock;

/**
 * A fleet of simulated meters in one JVM: the meters, their connections (dialling the head-end or
 * listening), one shared event loop group and one timer wheel (no thread and no scheduled task per
 * meter), and the {@link Clockwork} that pushes on schedule. Meters reconnect with exponential
 * back-off and seeded jitter.
 */
public final class Fleet implements MeterHooks, AutoCloseable {
    /** The head-end's push client wPort our DataNotifications are addressed to. */
    public static final int PUSH_CLIENT_WPORT = 102;
    private final FleetConfig config;
    private final SimulatedClock clock;
    private final SimulatedMeter[] meters;
    private final FleetStats stats = new FleetStats();
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final HashedWheelTimer timer = new HashedWheelTimer(r -> {
        Thread t = new Thread(r, "fleet-timer");
        t.setDaemon(true);
        return t;
    }, 10, TimeUnit.MILLISECONDS, 512);
    private final ScheduleIndex schedules = new ScheduleIndex();
    private final Clockwork clockwork;
    private final Object connectLock = new Object();
    private final ArrayDeque<SimulatedMeter> waiting = new ArrayDeque<>();
    private final BitSet queued = new BitSet();
    private int connecting;
    private final Channel[] listeners;
    /** Block transfers of the meters that drop mid-block (only those), by meter index. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, java.util.concurrent.atomic.AtomicInteger> blockTransfers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;
    private Timeout ticker;

    public Fleet(FleetConfig config, SimulatedClock clock, EventLoopGroup group) {
        this.config = config;
        this.clock = clock;
        this.ownsGroup = group == null;
        this.group = group == null ? new NioEventLoopGroup(2) : group;
        this.meters = new SimulatedMeter[config.size()];
        IntervalPlan shared = new IntervalPlan(config.terms().intervalMinutes());
        for (int i = 0; i < meters.length; i++) {
            meters[i] = new SimulatedMeter(MeterSpec.of(config.terms(), config.firstMeter() + i), config.terms(), shared);
            schedules.add(meters[i], 0);
        }
        this.listeners = config.mode() == FleetConfig.Mode.LISTEN ? new Channel[meters.length] : new Channel[0];
        this.clockwork = new Clockwork(this, schedules);
    }

    public FleetConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public FleetStats stats() {
        return stats;
    }

    public int size() {
        return meters.length;
    }

    SimulatedMeter[] meters() {
        return meters;
    }

    public SimulatedMeter meter(int index) {
        return meters[index];
    }

    String headEndLabel() {
        return config.headEnd().getHostString() + ":" + config.headEnd().getPort();
    }

    HashedWheelTimer timer() {
        return timer;
    }

    /** Opens every meter's connection (or listening socket); {@code progress} hears about every 10 %. */
    public void start(boolean tickAutomatically, Consumer<String> progress) {
        running = true;
        clockwork.begin(clock.instant());
        if (config.mode() == FleetConfig.Mode.LISTEN) {
            for (int i = 0; i < meters.length; i++) {
                listen(meters[i]);
                if ((i + 1) % Math.max(1, meters.length / 10) == 0) {
                    progress.accept(String.format("starting: %d/%d meters listening", i + 1, meters.length));
                }
            }
        } else {
            synchronized (connectLock) {
                for (SimulatedMeter m : meters) {
                    if (clockwork.online(m, clock.instant())) {
                        waiting.add(m);
                        queued.set(m.spec().index());
                    }
                }
            }
            pump();
        }
        long staticFaults = java.util.Arrays.stream(meters).filter(m -> m.spec().faults() != 0).count();
        progress.accept(String.format("fleet of %d meters started (%s mode), %d with faults", meters.length,
                config.mode().name().toLowerCase(), staticFaults));
        if (tickAutomatically) {
            scheduleTick();
        }
    }

    private void scheduleTick() {
        ticker = timer.newTimeout(t -> {
            if (!running) {
                return;
            }
            try {
                tick();
            } finally {
                scheduleTick();
            }
        }, config.tickPeriod().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Lets simulated time act: due pushes, events, outages, intermittent days. Tests call it after moving a manual clock. */
    public void tick() {
        clockwork.advance(clock.instant());
    }

    /** Blocks until at least {@code n} meters are connected, or the timeout passes; returns whether they are. */
    public boolean awaitConnected(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stats) {
            while (stats.connected() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(stats, left);
            }
            return true;
        }
    }

    /** Whether no meter is waiting for or in the middle of a connection attempt (those off the network are not waiting). */
    public boolean connectingDone() {
        synchronized (connectLock) {
            return waiting.isEmpty() && connecting == 0;
        }
    }

    /** Where a listening meter accepts the head-end. */
    public InetSocketAddress listeningAddress(int index) {
        return (InetSocketAddress) listeners[index].localAddress();
    }

    private ChannelInitializer<SocketChannel> pipeline(SimulatedMeter meter) {
        Fleet fleet = this;
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                var p = ch.pipeline();
                p.addLast("wrapper-decoder", new WrapperFrameDecoder(Limits.DEFAULT.maxApduSize()));
                p.addLast("wrapper-encoder", WrapperFrameEncoder.INSTANCE);
                MeterSpec spec = meter.spec();
                if (spec.has(Fault.SLOW)) {
                    Duration delay = config.terms().faults().rule(Fault.SLOW).map(FaultRule::delay).orElse(Duration.ofSeconds(10));
                    p.addLast("fault-slow", new FaultHandlers.SlowAnswers(timer, delay, stats));
                }
                if (spec.has(Fault.DROP_MID_BLOCK)) {
                    p.addLast("fault-drop", new FaultHandlers.DropMidBlock(stats,
                            blockTransfers.computeIfAbsent(spec.index(), i -> new java.util.concurrent.atomic.AtomicInteger())));
                }
                if (spec.has(Fault.MALFORMED_FRAMES)) {
                    p.addLast("fault-malformed", new FaultHandlers.MalformedReplies(stats));
                }
                p.addLast("meter", new MeterChannelHandler(fleet, meter));
            }
        };
    }

    private void listen(SimulatedMeter meter) {
        int port = config.listenPort() == 0 ? 0 : config.listenPort() + meter.spec().index();
        listeners[meter.spec().index()] = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(pipeline(meter))
                .bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
    }

    private SocketAddress sourceAddress(SimulatedMeter meter) {
        if (config.sourceAddresses() == 1 && config.firstSourceHost() == 1) {
            return null; // no bind before connect: the kernel's connect path picks ports much faster
        }
        int host = config.firstSourceHost() + meter.spec().index() % config.sourceAddresses();
        return new InetSocketAddress("127.0.0." + host, 0);
    }

    /** Starts queued connection attempts while fewer than the configured number are in flight. */
    private void pump() {
        while (true) {
            SimulatedMeter next;
            synchronized (connectLock) {
                if (!running || connecting >= config.maxConnecting() || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                queued.clear(next.spec().index());
                connecting++;
            }
            dial(next);
        }
    }

    private void dial(SimulatedMeter meter) {
        ChannelFuture f = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(pipeline(meter))
                .connect(config.headEnd(), sourceAddress(meter));
        f.addListener(done -> {
            synchronized (connectLock) {
                connecting--;
            }
            if (!done.isSuccess()) {
                stats.connectFailures.increment();
                reconnectLater(meter);
            }
            pump();
        });
    }

    /** Queues a meter for connection, once. */
    void connectSoon(SimulatedMeter meter) {
        if (config.mode() != FleetConfig.Mode.DIAL || !running) {
            return;
        }
        synchronized (connectLock) {
            Channel c = meter.connection();
            if (queued.get(meter.spec().index()) || (c != null && c.isActive())) {
                return;
            }
            queued.set(meter.spec().index());
            waiting.add(meter);
        }
        pump();
    }

    private void reconnectLater(SimulatedMeter meter) {
        if (!running || config.mode() != FleetConfig.Mode.DIAL || !clockwork.online(meter, clock.instant())) {
            return; // the clockwork brings it back when its outage or offline day ends
        }
        int attempt = meter.nextReconnectAttempt();
        timer.newTimeout(t -> connectSoon(meter), Backoff.delayMillis(config.terms().seed(), meter.spec().index(), attempt),
                TimeUnit.MILLISECONDS);
    }

    void onConnected(SimulatedMeter meter, Channel channel) {
        if (!clockwork.online(meter, clock.instant())) {
            channel.close(); // a listening meter that is off the network today
            return;
        }
        meter.connection(channel);
        stats.connects.increment();
        synchronized (stats) {
            stats.connected.incrementAndGet();
            stats.notifyAll();
        }
        if (config.mode() == FleetConfig.Mode.LISTEN) {
            return; // the head-end dialled this meter: it knows whom it called
        }
        channel.writeAndFlush(new WrapperFrame(WrapperFrame.LOGICAL_DEVICE, PUSH_CLIENT_WPORT,
                PushComposer.announcement(meter, clock.instant()))).addListener(done -> {
                    if (done.isSuccess()) {
                        meter.connectionHealthy();
                        clockwork.pushUnacknowledged(meter, clock.instant());
                        clockwork.pushPendingEvents(meter, clock.instant());
                    }
                });
    }

    void onDisconnected(SimulatedMeter meter, Channel channel) {
        if (meter.connection() != channel) {
            return; // refused before it counted as connected
        }
        meter.connection(null);
        synchronized (stats) {
            stats.connected.decrementAndGet();
            stats.notifyAll();
        }
        reconnectLater(meter);
    }

    @Override
    public void pushNow(SimulatedMeter meter, int schedule) {
        Channel c = meter.connection();
        if (c != null) {
            Instant at = clock.instant();
            c.eventLoop().execute(() -> clockwork.push(meter, schedule, at)); // after the ACTION's response
        }
    }

    /**
     * Pushes the events the meter logged since its last push, now, as a meter does when an event
     * happens (R-EV-1). The clockwork does this for the events of the generated history; a caller that
     * logs events itself ({@link SimulatedMeter#logEvent}), e.g. a latency benchmark, calls it after.
     */
    public void pushEvents(SimulatedMeter meter) {
        clockwork.pushPendingEvents(meter, clock.instant());
    }

    @Override
    public void scheduleChanged(SimulatedMeter meter, int schedule) {
        schedules.add(meter, schedule);
    }

    @Override
    public void pushAcknowledged(SimulatedMeter meter, SimulatedMeter.Acknowledgement result) {
        switch (result) {
            case ACKNOWLEDGED -> stats.pushesAcknowledged.increment();
            case EVENTS_ONLY_PUSH -> stats.eventPushesAcknowledged.increment();
            case REPEATED -> { } // the head-end said it twice; nothing to count
            case UNKNOWN -> stats.acknowledgementsRefused.increment();
        }
    }

    @Override
    public void close() {
        running = false;
        if (ticker != null) {
            ticker.cancel();
        }
        for (SimulatedMeter m : meters) {
            Channel c = m.connection();
            if (c != null) {
                c.close();
            }
        }
        for (Channel l : listeners) {
            if (l != null) {
                l.close();
            }
        }
        timer.stop();
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
