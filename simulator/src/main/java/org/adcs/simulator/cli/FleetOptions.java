package org.adcs.simulator.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.adcs.simulator.fault.FaultPlan;
import org.adcs.simulator.fault.FaultRule;
import org.adcs.simulator.meter.FleetTerms;
import picocli.CommandLine.Option;

/** The options that determine what the meters hold; the same values give the same data in run, truth and field-dump. */
final class FleetOptions {
    @Option(names = "--seed", description = "fleet seed (default ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--start", description = "simulated start instant, ISO-8601 UTC (default: now, printed so a run can be replayed)")
    Instant start;

    @Option(names = "--utc-offset", description = "the meters' standard time offset (default ${DEFAULT-VALUE})", defaultValue = "+00:00")
    ZoneOffset offset;

    @Option(names = "--memory-days", description = "days a meter keeps, at least 45 (default ${DEFAULT-VALUE})", defaultValue = "45")
    int memoryDays;

    @Option(names = "--interval", description = "recording interval in minutes: 5, 10, 15, 30 or 60 (default ${DEFAULT-VALUE})", defaultValue = "15")
    int intervalMinutes;

    @Option(names = "--drift-ppm", description = "clock drift bound, parts per million (default ${DEFAULT-VALUE})", defaultValue = "2")
    double driftPpm;

    @Option(names = "--solar-share", description = "share of meters with solar export, 0..1 (default ${DEFAULT-VALUE})", defaultValue = "0.2")
    double solarShare;

    @Option(names = "--password", description = "the LLS password the head-end uses (default ${DEFAULT-VALUE})", defaultValue = FleetTerms.DEFAULT_PASSWORD)
    String password;

    @Option(names = "--fault", description = "a fault, repeatable: " + FaultSpec.HELP)
    List<String> faults = new ArrayList<>();

    Instant startOrNow() {
        if (start == null) {
            start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        return start;
    }

    FleetTerms terms() {
        if (memoryDays < FleetTerms.MIN_MEMORY_DAYS) {
            throw new IllegalArgumentException("--memory-days must be at least " + FleetTerms.MIN_MEMORY_DAYS
                    + " (use --fault short-memory:...:days=N for meters that keep less)");
        }
        List<FaultRule> rules = new ArrayList<>();
        for (String f : faults) {
            rules.add(FaultSpec.parse(f));
        }
        return new FleetTerms(seed, startOrNow(), offset, memoryDays, intervalMinutes, driftPpm, solarShare, password, new FaultPlan(rules));
    }

    /** How to repeat these terms on another command line. */
    String replay() {
        StringBuilder b = new StringBuilder("--seed " + seed + " --start " + startOrNow());
        if (!offset.equals(ZoneOffset.UTC)) {
            b.append(" --utc-offset ").append(offset);
        }
        faults.forEach(f -> b.append(" --fault ").append(f));
        return b.toString();
    }
}
