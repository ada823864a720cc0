package org.adcs.simulator.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.AcceleratedClock;

/**
 * Starts N meters against a minimal DLMS client endpoint (another process) on loopback and reports
 * connection time, heap per meter (state only, and connected), the heap of the same number of bare
 * Netty channels as a baseline, and resident memory. Not part of {@code mvn verify}; see
 * docs/benchmarks.md, "simulator".
 */
public final class FleetConnectBenchmark {
    private FleetConnectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        int stateOnly = Integer.parseInt(args.length > 1 ? args[1] : "100000");
        Process headEnd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g",
                "-cp", System.getProperty("java.class.path"), MinimalHeadEnd.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader fromHeadEnd = new BufferedReader(new InputStreamReader(headEnd.getInputStream()));
        PrintWriter toHeadEnd = new PrintWriter(headEnd.getOutputStream(), true);
        int port = Integer.parseInt(fromHeadEnd.readLine().substring("port ".length()));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        int sources = args.length > 2 ? Integer.parseInt(args[2]) : 1 + (n - 1) / 5_000;
        NioEventLoopGroup group = new NioEventLoopGroup(2);
        FleetTerms terms = FleetTerms.defaults(1, Instant.parse("2026-03-04T10:07:00Z"));

        long base = usedHeap();
        Fleet idle = new Fleet(FleetConfig.dialling(terms, stateOnly, address), new AcceleratedClock(terms.start(), 1), group);
        long stateBytes = (usedHeap() - base) / stateOnly;
        idle.close();
        idle = null;

        base = usedHeap();
        long rssBefore = rssKb();
        Fleet fleet = new Fleet(FleetConfig.dialling(terms, n, address).withSourceAddresses(sources), new AcceleratedClock(terms.start(), 1), group);
        long started = System.nanoTime();
        fleet.start(true, line -> { });
        boolean all = fleet.awaitConnected(n, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - started) / 1e9;
        long connectedBytes = (usedHeap() - base) / n;
        long rssAfter = rssKb();
        toHeadEnd.println();
        String pushes = fromHeadEnd.readLine();
        long connected = fleet.stats().connected();
        fleet.close();
        synchronized (fleet.stats()) {
            while (fleet.stats().connected() > 0) {
                fleet.stats().wait(1000); // file descriptors must be free before the baseline opens as many
            }
        }

        base = usedHeap();
        long bareBytes = bareChannels(group, address, n, sources);
        bareBytes = (bareBytes - base) / n;

        System.out.printf("meters %d, connected %d (%s) in %.1f s (%.0f/s); head-end saw %s announcements%n",
                n, connected, all ? "all" : "NOT all", seconds, connected / seconds, pushes.substring("pushes ".length()));
        System.out.printf("heap per meter, state only (%d meters, no connection): %d bytes%n", stateOnly, stateBytes);
        System.out.printf("heap per connected idle meter: %d bytes; per bare Netty channel (same pipeline-less connect): %d bytes; "
                + "meter beyond Netty's channel: %d bytes%n", connectedBytes, bareBytes, connectedBytes - bareBytes);
        System.out.printf("resident memory: %d MB before the fleet, %d MB with it connected%n", rssBefore / 1024, rssAfter / 1024);
        toHeadEnd.close();
        headEnd.waitFor(10, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Opens n bare client channels (no handler state) and returns the heap used with them open. */
    private static long bareChannels(NioEventLoopGroup group, InetSocketAddress to, int n, int sources) throws Exception {
        List<Channel> channels = new ArrayList<>(n);
        Semaphore inFlight = new Semaphore(512);
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            ChannelFuture f = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInboundHandlerAdapter())
                    .connect(to, new InetSocketAddress("127.0.0." + (1 + i % sources), 0));
            f.addListener(done -> inFlight.release());
            channels.add(f.channel());
        }
        inFlight.acquire(512);
        long used = usedHeap();
        for (Channel c : channels) {
            c.close();
        }
        return used;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100); // let the collector finish; a measurement pause, not a wait for a condition
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
