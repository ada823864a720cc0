package org.adcs.simulator.meter;

/**
 * Deterministic hashing (SplitMix64's finaliser): every random-looking value in the fleet is a pure
 * function of the fleet seed and coordinates such as meter, day or quantum, so nothing is stored and
 * the same seed always gives the same bytes.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a) {
        return mix(seed + 0x9E3779B97F4A7C15L * (a + 1));
    }

    public static long hash(long seed, long a, long b) {
        return hash(hash(seed, a), b);
    }

    public static long hash(long seed, long a, long b, long c) {
        return hash(hash(hash(seed, a), b), c);
    }

    /** A uniform double in [0, 1) from a hash. */
    public static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A uniform long in [from, to] from a hash. */
    public static long between(long hash, long from, long to) {
        return from + Math.floorMod(hash, to - from + 1);
    }
}
