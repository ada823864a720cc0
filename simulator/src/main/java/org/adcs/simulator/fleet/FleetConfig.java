package org.adcs.simulator.fleet;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.adcs.simulator.meter.FleetTerms;

/**
 * How a fleet runs: its terms (what the meters hold), size and how the meters reach the head-end.
 *
 * @param terms             seed, start, faults ... (all that determines the meters' data)
 * @param size              number of meters
 * @param mode              meters dial the head-end, or listen for it
 * @param headEnd           where dialling meters connect (ignored when listening)
 * @param sourceAddresses   dialling meters bind to 127.0.0.f .. 127.0.0.(f+n-1) in turn (n > 1; f = firstSourceHost), so
 *                          a large fleet does not run out of ephemeral ports on one source address
 * @param listenPort        listening meters bind to 127.0.0.1 on listenPort + index, or on an ephemeral port if 0
 * @param maxConnecting     connection attempts in flight at once
 * @param tickPeriod        real time between two looks at the simulated clock for due pushes and events
 * @param firstSourceHost   the last byte of the first source address (1 unless several fleets on one host must not
 *                          share ephemeral ports, as in the split connection benchmark)
 * @param firstMeter        the fleet's first meter in the terms' numbering (0 unless several fleets on one host
 *                          stand for one population, each with meters of its own, e.g. on an event loop of its own)
 */
public record FleetConfig(FleetTerms terms, int size, Mode mode, InetSocketAddress headEnd, int sourceAddresses,
                          int listenPort, int maxConnecting, Duration tickPeriod, int firstSourceHost, int firstMeter) {
    public static final int MAX_SIZE = 1_000_000;

    /** Which side opens the TCP connection. */
    public enum Mode { DIAL, LISTEN }

    public FleetConfig {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("fleet size must be 1.." + MAX_SIZE);
        }
        if (sourceAddresses < 1 || firstSourceHost < 1 || firstSourceHost + sourceAddresses - 1 > 254) {
            throw new IllegalArgumentException("source addresses 127.0.0." + firstSourceHost + " .. 127.0.0."
                    + (firstSourceHost + sourceAddresses - 1) + " must lie in 127.0.0.1 .. 127.0.0.254");
        }
        if (listenPort < 0 || (listenPort > 0 && listenPort + (long) size - 1 > 65_535)) {
            throw new IllegalArgumentException("listening ports " + listenPort + ".." + (listenPort + (long) size - 1) + " exceed 65535");
        }
        if (maxConnecting < 1 || maxConnecting > 100_000) {
            throw new IllegalArgumentException("connections in flight must be 1..100000");
        }
        if (tickPeriod.isNegative() || tickPeriod.isZero()) {
            throw new IllegalArgumentException("tick period must be positive");
        }
        if (firstMeter < 0 || firstMeter + (long) size > MAX_SIZE) {
            throw new IllegalArgumentException("meters " + firstMeter + ".." + (firstMeter + (long) size - 1)
                    + " must lie in 0.." + (MAX_SIZE - 1));
        }
    }

    /** A fleet numbered from the first meter. */
    public FleetConfig(FleetTerms terms, int size, Mode mode, InetSocketAddress headEnd, int sourceAddresses,
                       int listenPort, int maxConnecting, Duration tickPeriod, int firstSourceHost) {
        this(terms, size, mode, headEnd, sourceAddresses, listenPort, maxConnecting, tickPeriod, firstSourceHost, 0);
    }

    /** The configuration before {@code firstSourceHost} existed: source addresses from 127.0.0.1. */
    public FleetConfig(FleetTerms terms, int size, Mode mode, InetSocketAddress headEnd, int sourceAddresses,
                       int listenPort, int maxConnecting, Duration tickPeriod) {
        this(terms, size, mode, headEnd, sourceAddresses, listenPort, maxConnecting, tickPeriod, 1);
    }

    public static FleetConfig dialling(FleetTerms terms, int size, InetSocketAddress headEnd) {
        return new FleetConfig(terms, size, Mode.DIAL, headEnd, 1, 0, 512, Duration.ofMillis(200));
    }

    public static FleetConfig listening(FleetTerms terms, int size) {
        return new FleetConfig(terms, size, Mode.LISTEN, new InetSocketAddress("127.0.0.1", 0), 1, 0, 512, Duration.ofMillis(200));
    }

    public FleetConfig withSourceAddresses(int n) {
        return new FleetConfig(terms, size, mode, headEnd, n, listenPort, maxConnecting, tickPeriod, firstSourceHost, firstMeter);
    }

    public FleetConfig withListenPort(int port) {
        return new FleetConfig(terms, size, mode, headEnd, sourceAddresses, port, maxConnecting, tickPeriod, firstSourceHost, firstMeter);
    }

    public FleetConfig withMaxConnecting(int n) {
        return new FleetConfig(terms, size, mode, headEnd, sourceAddresses, listenPort, n, tickPeriod, firstSourceHost, firstMeter);
    }

    /** Dial from 127.0.0.host onwards instead of 127.0.0.1. */
    public FleetConfig withFirstSourceHost(int host) {
        return new FleetConfig(terms, size, mode, headEnd, sourceAddresses, listenPort, maxConnecting, tickPeriod, host, firstMeter);
    }

    /** Number this fleet's meters from {@code first} (their identities and data follow the number). */
    public FleetConfig withFirstMeter(int first) {
        return new FleetConfig(terms, size, mode, headEnd, sourceAddresses, listenPort, maxConnecting, tickPeriod,
                firstSourceHost, first);
    }
}
