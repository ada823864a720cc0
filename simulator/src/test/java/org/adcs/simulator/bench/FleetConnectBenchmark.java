package org.adcs.simulator.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adcs.simulator.fleet.Fleet;
import org.adcs.simulator.fleet.FleetConfig;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.time.AcceleratedClock;

/**
 * Connects N simulated meters (100,000 by default) to minimal DLMS client endpoints on loopback and
 * reports the time until all are connected, heap per idle meter beyond Netty's own channel, and
 * resident memory. Not part of {@code mvn verify}; see docs/benchmarks.md, "simulator".
 *
 * <p>Every socket is a file descriptor, on the meter's side and on the endpoint's. When this process
 * may open enough files, the whole fleet runs in this JVM against one endpoint process. Otherwise
 * (a container's hard limit of 20,000, say) the benchmark splits the fleet over as many simulator
 * JVMs as the limit requires, each with its own endpoint JVM and its own range of 127.0.0.x source
 * addresses, starts them itself, makes them connect at the same moment, and sums their figures.
 *
 * <p>Arguments: [meters, default 100000] [state-only meters, default 100000] [at most this many
 * meters per process, default: the open-file limit minus {@value #FD_RESERVE}].
 */
public final class FleetConnectBenchmark {
    /** Descriptors a simulator JVM needs besides its meters' sockets: jars, epoll, pipes, the JDK's own. */
    static final int FD_RESERVE = 2_000;
    /** Fewer ports per source address keep bind-before-connect fast (docs/benchmarks.md). */
    static final int METERS_PER_SOURCE_ADDRESS = 5_000;

    private FleetConnectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int stateOnly = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long[] limits = openFileLimits();
        long jvmLimit = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        int perProcess = (int) Math.max(1, Math.min(Integer.MAX_VALUE, jvmLimit - FD_RESERVE));
        if (args.length > 2) {
            perProcess = Math.min(perProcess, Integer.parseInt(args[2]));
        }
        int processes = (total + perProcess - 1) / perProcess;
        System.out.printf("open files per process: %d (this JVM), soft %d / hard %d in /proc/self/limits; at most %d meters per"
                + " process (%d kept for the JVM's own files)%n", jvmLimit, limits[0], limits[1], perProcess, FD_RESERVE);
        if (processes == 1) {
            System.out.printf("one JVM: all %d meters in this process, one endpoint process%n", total);
        } else {
            System.out.printf("SPLIT: %d meters need %d sockets per side but one process may hold at most %d, so the fleet runs in"
                    + " %d simulator JVMs (%d..%d meters each), each dialling its own endpoint JVM, all on loopback%n", total, total,
                    perProcess, processes, total / processes, (total + processes - 1) / processes);
        }
        long stateBytes = stateOnlyBytes(stateOnly);

        List<Endpoint> endpoints = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        try {
            int next = 1;
            for (int w = 0; w < processes; w++) {
                int meters = total / processes + (w < total % processes ? 1 : 0);
                Endpoint endpoint = Endpoint.start(meters);
                endpoints.add(endpoint);
                int sources = Math.max(1, (meters + METERS_PER_SOURCE_ADDRESS - 1) / METERS_PER_SOURCE_ADDRESS);
                if (next + sources - 1 > 254) {
                    throw new IllegalStateException("more than 254 source addresses needed");
                }
                BenchWorker worker = new BenchWorker(meters, new InetSocketAddress("127.0.0.1", endpoint.port), next, sources);
                workers.add(processes == 1 ? Worker.inProcess(worker) : Worker.spawn(w, meters, endpoint.port, next, sources));
                System.out.printf("  process %d: %d meters from 127.0.0.%d..%d to endpoint port %d%n", w, meters, next,
                        next + sources - 1, endpoint.port);
                next += sources;
            }
            run(total, stateBytes, processes, endpoints, workers);
        } finally {
            for (Worker w : workers) {
                w.stop();
            }
            for (Endpoint e : endpoints) {
                e.stop();
            }
        }
    }

    private static void run(int total, long stateBytes, int processes, List<Endpoint> endpoints, List<Worker> workers) throws Exception {
        for (Worker w : workers) {
            w.expect("ready");
        }
        long started = System.nanoTime();
        for (Worker w : workers) {
            w.send("go");
        }
        long connected = 0;
        double slowestOwn = 0;
        for (Worker w : workers) {
            String[] line = w.expect("connected").split(" ");
            connected += Long.parseLong(line[1]);
            slowestOwn = Math.max(slowestOwn, Double.parseDouble(line[2]));
        }
        double allSeconds = (System.nanoTime() - started) / 1e9;
        long announcements = 0;
        long announceDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) { // a meter counts as connected when its socket is; its announcement may still be on the way
            announcements = 0;
            for (Endpoint e : endpoints) {
                announcements += e.pushes();
            }
            if (announcements >= connected || System.nanoTime() > announceDeadline) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        double announcedSeconds = (System.nanoTime() - started) / 1e9;
        long endpointRssKb = 0;
        for (Endpoint e : endpoints) {
            endpointRssKb += e.rssKb();
        }
        for (Worker w : workers) {
            w.send("measure");
        }
        for (Worker w : workers) {
            w.expect("measured");
        }
        List<BenchWorker.Result> results = new ArrayList<>();
        for (Worker w : workers) {
            w.send("baseline");
            results.add(BenchWorker.Result.parse(w.expect("result")));
        }
        report(total, stateBytes, processes, connected, allSeconds, slowestOwn, announcements, announcedSeconds, endpointRssKb, results);
    }

    private static void report(int total, long stateBytes, int processes, long connected, double allSeconds, double slowestOwn,
                               long announcements, double announcedSeconds, long endpointRssKb, List<BenchWorker.Result> results) {
        System.out.println();
        System.out.println("| process | meters | connected | own time (s) | heap per idle meter | per bare Netty channel | meter beyond"
                + " Netty's channel | RSS before fleet | RSS connected |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        long rssBefore = 0;
        long rssConnected = 0;
        long beyondWeighted = 0;
        long beyondMin = Long.MAX_VALUE;
        long beyondMax = Long.MIN_VALUE;
        for (int i = 0; i < results.size(); i++) {
            BenchWorker.Result r = results.get(i);
            long beyond = r.perIdleMeter() - r.perBareChannel();
            beyondWeighted += beyond * r.meters();
            beyondMin = Math.min(beyondMin, beyond);
            beyondMax = Math.max(beyondMax, beyond);
            rssBefore += r.rssBeforeKb();
            rssConnected += r.rssConnectedKb();
            System.out.printf("| %d | %,d | %,d | %.1f | %,d B | %,d B | %,d B | %,d MB | %,d MB |%n", i, r.meters(), r.connected(),
                    r.seconds(), r.perIdleMeter(), r.perBareChannel(), beyond, r.rssBeforeKb() / 1024, r.rssConnectedKb() / 1024);
        }
        System.out.println();
        System.out.printf("%s: %,d of %,d meters connected (%s) in %.1f s from the common start to the last process's report"
                + " (slowest process on its own clock %.1f s, %.0f connections/s overall); endpoints had %,d announcements after %.1f s%n",
                processes == 1 ? "one JVM" : "split over " + processes + " simulator JVMs", connected, total,
                connected == total ? "all" : "NOT all", allSeconds, slowestOwn, connected / allSeconds, announcements, announcedSeconds);
        System.out.printf("heap per idle meter beyond Netty's channel: %,d bytes (weighted mean; %,d..%,d over processes); target <= 5 KB%n",
                beyondWeighted / total, beyondMin, beyondMax);
        System.out.printf("heap per meter, state only (no connection): %,d bytes%n", stateBytes);
        System.out.printf("resident memory, summed: simulator JVMs %,d MB connected (%,d MB before their fleets), endpoint JVMs %,d MB%n",
                rssConnected / 1024, rssBefore / 1024, endpointRssKb / 1024);
    }

    /** Heap per meter of a fleet that is built but never started: the meters' own state. */
    private static long stateOnlyBytes(int n) throws Exception {
        FleetTerms terms = FleetTerms.defaults(1, Instant.parse("2026-03-04T10:07:00Z"));
        long base = BenchWorker.usedHeap();
        Fleet idle = new Fleet(FleetConfig.dialling(terms, n, new InetSocketAddress("127.0.0.1", 9)),
                new AcceleratedClock(terms.start(), 1), null);
        long bytes = (BenchWorker.usedHeap() - base) / n;
        idle.close();
        return bytes;
    }

    /** Soft and hard "Max open files" of this process. */
    private static long[] openFileLimits() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                return new long[] {parseLimit(f[0]), parseLimit(f[1])};
            }
        }
        return new long[] {-1, -1};
    }

    private static long parseLimit(String s) {
        return s.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(s);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A minimal DLMS client endpoint in a process of its own, so its sockets count neither in our heap nor in our files. */
    private record Endpoint(Process process, BufferedReader out, PrintWriter in, int port) {
        static Endpoint start(int meters) throws IOException {
            long heapMb = Math.max(1024, 32L * meters / 1000);
            Process p = new ProcessBuilder(java(), "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    MinimalHeadEnd.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            String first = out.readLine();
            if (first == null || !first.startsWith("port ")) {
                throw new IOException("the endpoint did not start: " + first);
            }
            return new Endpoint(p, out, new PrintWriter(p.getOutputStream(), true), Integer.parseInt(first.substring("port ".length())));
        }

        long pushes() throws IOException {
            in.println();
            return Long.parseLong(out.readLine().substring("pushes ".length()));
        }

        long rssKb() throws IOException {
            return BenchWorker.rssKb(Path.of("/proc", Long.toString(process.pid()), "status"));
        }

        void stop() throws InterruptedException {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }

    /** A simulator process (or this one), stepped line by line. */
    private interface Worker {
        String expect(String prefix) throws Exception;

        void send(String step) throws Exception;

        void stop() throws Exception;

        static Worker spawn(int index, int meters, int port, int firstSource, int sources) throws IOException {
            long heapMb = Math.max(512, 8L * meters / 1000);
            Process p = new ProcessBuilder(java(), "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    BenchWorker.class.getName(), Integer.toString(meters), Integer.toString(port), Integer.toString(firstSource),
                    Integer.toString(sources)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            PrintWriter in = new PrintWriter(p.getOutputStream(), true);
            return new Worker() {
                @Override
                public String expect(String prefix) throws IOException {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith(prefix)) {
                            return line;
                        }
                        System.out.println("  [process " + index + "] " + line);
                    }
                    throw new IOException("simulator process " + index + " ended before '" + prefix + "'");
                }

                @Override
                public void send(String step) {
                    in.println(step);
                }

                @Override
                public void stop() throws InterruptedException {
                    in.close();
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroy();
                    }
                }
            };
        }

        /** The same steps with the worker on a thread of this JVM, when one process can hold the whole fleet. */
        static Worker inProcess(BenchWorker worker) {
            BlockingQueue<String> toWorker = new LinkedBlockingQueue<>();
            BlockingQueue<String> fromWorker = new LinkedBlockingQueue<>();
            Thread t = new Thread(() -> {
                try {
                    BenchWorker.Result r = worker.run(new BenchWorker.Steps() {
                        @Override
                        public void report(String line) {
                            fromWorker.add(line);
                        }

                        @Override
                        public void await(String step) throws IOException {
                            try {
                                String got = toWorker.take();
                                if (!got.equals(step)) {
                                    throw new IOException("expected '" + step + "', got '" + got + "'");
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IOException(e);
                            }
                        }
                    });
                    fromWorker.add(r.toLine());
                } catch (Exception e) {
                    fromWorker.add("failed " + e);
                }
            }, "bench-worker");
            t.setDaemon(true);
            t.start();
            return new Worker() {
                @Override
                public String expect(String prefix) throws Exception {
                    String line = fromWorker.take();
                    if (!line.startsWith(prefix)) {
                        throw new IOException("expected '" + prefix + "' from the fleet, got '" + line + "'");
                    }
                    return line;
                }

                @Override
                public void send(String step) {
                    toWorker.add(step);
                }

                @Override
                public void stop() throws InterruptedException {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                }
            };
        }
    }
}
