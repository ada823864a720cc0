package org.adcs.simulator.fault;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fleet's faults: at most one rule per fault; a meter's faults are a bit set computed from the seed. */
public final class FaultPlan {
    public static final FaultPlan NONE = new FaultPlan(List.of());
    private final Map<Fault, FaultRule> rules = new EnumMap<>(Fault.class);

    public FaultPlan(List<FaultRule> rules) {
        for (FaultRule r : rules) {
            if (this.rules.putIfAbsent(r.fault(), r) != null) {
                throw new IllegalArgumentException("fault " + r.fault().cliName() + " given twice");
            }
        }
    }

    public Optional<FaultRule> rule(Fault fault) {
        return Optional.ofNullable(rules.get(fault));
    }

    public List<FaultRule> rules() {
        return List.copyOf(rules.values());
    }

    /** The faults of one meter as a bit set of {@link Fault#bit()}. */
    public int faultsOf(long fleetSeed, int meterIndex) {
        int bits = 0;
        for (FaultRule r : rules.values()) {
            if (r.applies(fleetSeed, meterIndex)) {
                bits |= r.fault().bit();
            }
        }
        return bits;
    }
}
