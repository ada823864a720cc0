package org.adcs.simulator.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * One simulator process of the connection benchmark: a fleet of N meters dialling one endpoint from
 * its own range of source addresses. Run in the benchmark's JVM when one process can hold every
 * socket, or as a child process driven over standard input and output, one step per line, so that
 * every process connects at the same moment and measures while all the others are connected:
 * {@code ready} (fleet built) &lt; {@code go}; {@code connected N SECONDS} &lt; {@code measure};
 * {@code measured HEAP RSS} &lt; {@code baseline}; {@code result ...}.
 */
public final class BenchWorker {
    /** Same-pipeline-less connects in flight for the bare-channel baseline, as many as the fleet's default. */
    private static final int BARE_IN_FLIGHT = 512;
    private final int meters;
    private final InetSocketAddress endpoint;
    private final int firstSource;
    private final int sources;

    /**
     * What one process measured. Heap figures are used heap after forced collections: before the
     * fleet existed, with it connected and idle, and with as many bare Netty channels (no handler
     * state) connected to the same endpoint from the same addresses after the fleet closed.
     */
    public record Result(int meters, long connected, double seconds, long heapBefore, long heapConnected, long heapBareBase,
                         long heapBare, long rssBeforeKb, long rssConnectedKb) {
        long perIdleMeter() {
            return (heapConnected - heapBefore) / meters;
        }

        long perBareChannel() {
            return (heapBare - heapBareBase) / meters;
        }

        String toLine() {
            return "result " + meters + " " + connected + " " + seconds + " " + heapBefore + " " + heapConnected + " "
                    + heapBareBase + " " + heapBare + " " + rssBeforeKb + " " + rssConnectedKb;
        }

        static Result parse(String line) {
            String[] f = line.split(" ");
            return new Result(Integer.parseInt(f[1]), Long.parseLong(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]));
        }
    }

    /** How the worker waits for the coordinator between steps and tells it what happened. */
    interface Steps {
        void report(String line);

        void await(String step) throws IOException;

        Steps IN_PROCESS = new Steps() {
            @Override
            public void report(String line) {
            }

            @Override
            public void await(String step) {
            }
        };
    }

    BenchWorker(int meters, InetSocketAddress endpoint, int firstSource, int sources) {
        this.meters = meters;
        this.endpoint = endpoint;
        this.firstSource = firstSource;
        this.sources = sources;
    }

    /** Arguments: meters, endpoint port, first source host, source addresses. */
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        Steps steps = new Steps() {
            @Override
            public void report(String line) {
                System.out.println(line);
                System.out.flush();
            }

            @Override
            public void await(String step) throws IOException {
                String line = in.readLine();
                if (!step.equals(line)) {
                    throw new IOException("expected '" + step + "' from the benchmark, got '" + line + "'");
                }
            }
        };
        BenchWorker worker = new BenchWorker(Integer.parseInt(args[0]), new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])),
                Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        steps.report(worker.run(steps).toLine());
        System.exit(0);
    }

    Result run(Steps steps) throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(2);
        FleetTerms terms = FleetTerms.defaults(1, Instant.parse("2026-03-04T10:07:00Z"));
        warmUp(group);
        long heapBefore = usedHeap();
        long rssBefore = rssKb();
        Fleet fleet = new Fleet(FleetConfig.dialling(terms, meters, endpoint).withSourceAddresses(sources).withFirstSourceHost(firstSource),
                new AcceleratedClock(terms.start(), 1), group);
        steps.report("ready");
        steps.await("go");
        long started = System.nanoTime();
        fleet.start(true, line -> { });
        fleet.awaitConnected(meters, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - started) / 1e9;
        long connected = fleet.stats().connected();
        steps.report("connected " + connected + " " + seconds);
        steps.await("measure");
        long heapConnected = usedHeap();
        long rssConnected = rssKb();
        steps.report("measured " + heapConnected + " " + rssConnected);
        steps.await("baseline");
        fleet.close();
        synchronized (fleet.stats()) {
            while (fleet.stats().connected() > 0) {
                fleet.stats().wait(1000); // file descriptors must be free before the baseline opens as many
            }
        }
        fleet = null;
        long bareBase = usedHeap();
        long bare = bareChannels(group);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        return new Result(meters, connected, seconds, heapBefore, heapConnected, bareBase, bare, rssBefore, rssConnected);
    }

    /**
     * One bare connection opened and closed before the first measurement, so that Netty's one-time state
     * (classes, allocator arenas, selector) is in the heap before the fleet as it is before the baseline.
     */
    private void warmUp(NioEventLoopGroup group) {
        new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInboundHandlerAdapter())
                .connect(endpoint, new InetSocketAddress("127.0.0." + firstSource, 0)).syncUninterruptibly().channel().close().syncUninterruptibly();
    }

    /** Opens as many bare client channels (an empty handler, no meter) and returns the used heap with them open. */
    private long bareChannels(NioEventLoopGroup group) throws Exception {
        List<Channel> channels = new ArrayList<>(meters);
        Semaphore inFlight = new Semaphore(BARE_IN_FLIGHT);
        for (int i = 0; i < meters; i++) {
            inFlight.acquire();
            ChannelFuture f = new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInboundHandlerAdapter())
                    .connect(endpoint, new InetSocketAddress("127.0.0." + (firstSource + i % sources), 0));
            f.addListener(done -> inFlight.release());
            channels.add(f.channel());
        }
        inFlight.acquire(BARE_IN_FLIGHT);
        long used = usedHeap();
        for (Channel c : channels) {
            c.close();
        }
        return used;
    }

    static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100); // let the collector finish; a measurement pause, not a wait for a condition
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long rssKb() throws IOException {
        return rssKb(Path.of("/proc/self/status"));
    }

    /** VmRSS of a process's status file, in kB; -1 if it is gone. */
    static long rssKb(Path status) throws IOException {
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
