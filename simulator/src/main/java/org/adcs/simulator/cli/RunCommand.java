package org.adcs.simulator.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.AcceleratedClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: start a fleet against a head-end (or listening for it) and report progress and a periodic summary. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a fleet of simulated meters.")
final class RunCommand implements Callable<Integer> {
    private static final int METERS_PER_SOURCE_ADDRESS = 5_000;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--meters", required = true, description = "fleet size, 1..1000000")
    int size;

    @Option(names = "--head-end", description = "head-end meter port, host:port (default ${DEFAULT-VALUE})", defaultValue = "127.0.0.1:4059")
    String headEnd;

    @Option(names = "--listen", description = "listen instead of dialling: meter i accepts the head-end on 127.0.0.1:PORT+i")
    Integer listenPort;

    @Option(names = "--speed", description = "simulated seconds per real second (default ${DEFAULT-VALUE})", defaultValue = "1")
    double speed;

    @Option(names = "--source-addresses", description = "dial from 127.0.0.1..127.0.0.N (default: one per 5,000 meters; fewer ports per address keep bind-before-connect fast)")
    Integer sourceAddresses;

    @Option(names = "--max-connecting", description = "connection attempts in flight (default ${DEFAULT-VALUE})", defaultValue = "512")
    int maxConnecting;

    @Option(names = "--summary-every", description = "real time between summary lines (default ${DEFAULT-VALUE})", defaultValue = "10s")
    String summaryEvery;

    @Option(names = "--duration", description = "real time to run, then stop (default: until interrupted)")
    String duration;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        FleetTerms terms = fleet.terms();
        Duration every = Durations.parse(summaryEvery);
        Duration runFor = duration == null ? null : Durations.parse(duration);
        if (every.isZero()) {
            throw new IllegalArgumentException("--summary-every must be positive");
        }
        if (listenPort != null && (listenPort < 1 || listenPort + (long) size - 1 > 65_535)) {
            throw new IllegalArgumentException("--listen PORT: ports PORT..PORT+meters-1 must lie in 1..65535");
        }
        int sources = sourceAddresses != null ? sourceAddresses : Math.min(254, 1 + (size - 1) / METERS_PER_SOURCE_ADDRESS);
        FleetConfig config = (listenPort != null ? FleetConfig.listening(terms, size).withListenPort(listenPort)
                : FleetConfig.dialling(terms, size, address(headEnd)))
                .withSourceAddresses(sources).withMaxConnecting(maxConnecting);
        PrintWriter out = spec.commandLine().getOut();
        out.println("simulator run: " + size + " meters, speed " + speed + ", " + fleet.replay());
        AcceleratedClock clock = new AcceleratedClock(terms.start(), speed);
        CountDownLatch stop = new CountDownLatch(1);
        try (Fleet f = new Fleet(config, clock, null)) {
            Thread hook = new Thread(stop::countDown, "simulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            long started = System.nanoTime();
            f.start(true, line -> out.println(line));
            if (listenPort != null) {
                out.printf("meters listen on 127.0.0.1:%d..%d (meter i on port %d + i)%n", listenPort, listenPort + size - 1, listenPort);
            }
            long deadline = runFor == null ? Long.MAX_VALUE : started + runFor.toNanos();
            if (config.mode() == FleetConfig.Mode.DIAL) {
                progress(f, out, started, Math.min(deadline, started + Duration.ofMinutes(2).toNanos()), stop);
            }
            while (System.nanoTime() < deadline) {
                long wait = Math.min(every.toNanos(), deadline - System.nanoTime());
                if (stop.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                    break;
                }
                out.println("[" + clock.instant() + "] " + f.stats().summary());
            }
            out.println("final: " + f.stats().summary());
        }
        return 0;
    }

    /**
     * A progress line per second while the fleet connects, until every meter on the network has had its
     * first attempt (meters off the network by a fault are not waited for) or the deadline passes.
     */
    private void progress(Fleet f, PrintWriter out, long started, long deadline, CountDownLatch stop) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (f.awaitConnected(size, Duration.ofSeconds(1)) || f.connectingDone() || stop.getCount() == 0) {
                break;
            }
            out.printf("starting: %d/%d connected after %.1f s%n", f.stats().connected(), size, (System.nanoTime() - started) / 1e9);
        }
        out.printf("connected: %d/%d after %.1f s%n", f.stats().connected(), size, (System.nanoTime() - started) / 1e9);
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("--head-end must be host:port, was '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--head-end port must be a number, was '" + hostPort.substring(colon + 1) + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--head-end port must be 1..65535, was " + port);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port);
    }
}
