package org.adcs.simulator.meter;

import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.fault.FaultRule;

/**
 * A meter's fixed character, derived from the fleet terms and its index alone: identity, load
 * shape, channel units, register bases, clock error and faults. A few dozen bytes per meter.
 *
 * @param importScaler   active energy import is counted in 10^scaler Wh (the head-end must convert)
 * @param clockOffsetMs  the clock's error at the simulation start
 * @param driftPpm       the clock's rate error, parts per million
 * @param faults         bit set of {@link Fault#bit()}
 * @param defaultPushMinute minute of the day of the default daily push (spread over the night)
 */
public record MeterSpec(int index, long seed, int baseW, int morningW, int eveningW, int solarPeakW, int importScaler,
                        long importBase, long exportBase, int clockOffsetMs, double driftPpm, int faults,
                        int memoryDays, int defaultPushMinute) {
    public static final int MAX_INDEX = 999_999_999;

    public static MeterSpec of(FleetTerms terms, int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("meter index must be 0.." + MAX_INDEX);
        }
        long seed = Seeds.hash(terms.seed(), 0x3E7E5L, index);
        int faults = terms.faults().faultsOf(terms.seed(), index);
        boolean solar = Seeds.unit(Seeds.hash(seed, 1)) < terms.solarShare();
        int clockOffsetMs = clockOffset(seed, faults);
        int memoryDays = (faults & Fault.SHORT_MEMORY.bit()) != 0
                ? terms.faults().rule(Fault.SHORT_MEMORY).map(FaultRule::memoryDays).orElse(terms.memoryDays())
                : terms.memoryDays();
        return new MeterSpec(index, seed,
                (int) Seeds.between(Seeds.hash(seed, 2), 80, 350),
                (int) Seeds.between(Seeds.hash(seed, 3), 300, 1200),
                (int) Seeds.between(Seeds.hash(seed, 4), 600, 2500),
                solar ? (int) Seeds.between(Seeds.hash(seed, 5), 2500, 6000) : 0,
                Seeds.unit(Seeds.hash(seed, 6)) < 0.3 ? 1 : 0,
                Seeds.between(Seeds.hash(seed, 7), 1_000_000, 20_000_000),
                solar ? Seeds.between(Seeds.hash(seed, 8), 100_000, 5_000_000) : 0,
                clockOffsetMs,
                (Seeds.unit(Seeds.hash(seed, 9)) * 2 - 1) * terms.maxDriftPpm(),
                faults, memoryDays,
                (int) Seeds.between(Seeds.hash(seed, 10), 10, 239));
    }

    private static int clockOffset(long seed, int faults) {
        long h = Seeds.hash(seed, 11);
        int sign = (h & 1) == 0 ? 1 : -1;
        if ((faults & Fault.CLOCK_FAR_OFF.bit()) != 0) {
            return sign * (int) Seeds.between(Seeds.hash(h, 1), 150_000, 900_000);
        }
        if ((faults & Fault.CLOCK_OFF.bit()) != 0) {
            // kept clear of the 20 s and 120 s limits so drift during a test cannot cross them
            return sign * (int) Seeds.between(Seeds.hash(h, 1), 25_000, 115_000);
        }
        return sign * (int) Seeds.between(Seeds.hash(h, 1), 0, 5_000);
    }

    public boolean has(Fault fault) {
        return (faults & fault.bit()) != 0;
    }

    public boolean hasSolar() {
        return solarPeakW > 0;
    }

    /** Serial number, printed on the meter. */
    public long serial() {
        return 10_000_000L + index;
    }

    /** Logical device name 0.0.42.0.0.255: manufacturer flag and serial, 16 characters. */
    public String logicalDeviceName() {
        return String.format("ADC%013d", serial());
    }

    public ScalerUnit importUnit() {
        return new ScalerUnit(importScaler, ScalerUnit.UNIT_WH);
    }

    public ScalerUnit exportUnit() {
        return new ScalerUnit(0, ScalerUnit.UNIT_WH);
    }

    /** The password this meter accepts: the fleet's, unless it has the wrong-password fault. */
    public String password(FleetTerms terms) {
        return has(Fault.WRONG_PASSWORD) ? "X" + terms.password().substring(1) + "?" : terms.password();
    }
}
