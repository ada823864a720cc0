package org.adcs.simulator.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.adcs.simulator.field.GroundTruth;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalPlan;
import org.adcs.simulator.meter.MeterSpec;
import org.adcs.simulator.meter.SimulatedMeter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code truth}: the exact values one meter holds for a period (ground truth for 100 % correspondence tests). */
@Command(name = "truth", mixinStandardHelpOptions = true,
        description = "Print the exact intervals, midnight registers and events a meter holds for a period, as CSV.")
final class TruthCommand implements Callable<Integer> {
    @Mixin
    FleetOptions fleet;

    @Option(names = "--meters", description = "fleet size (default ${DEFAULT-VALUE})", defaultValue = "100000")
    int size;

    @Option(names = "--meter", required = true, description = "meter index or logical device name")
    String meter;

    @Option(names = "--from", required = true, description = "period start, ISO-8601 UTC instant")
    Instant from;

    @Option(names = "--to", required = true, description = "period end, ISO-8601 UTC instant")
    Instant to;

    @Option(names = "--at", description = "simulated time of the reading (default: --start)")
    Instant at;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
        FleetTerms terms = fleet.terms();
        int index = SimulatorCli.meterIndex(meter, size);
        SimulatedMeter m = new SimulatedMeter(MeterSpec.of(terms, index), terms, new IntervalPlan(terms.intervalMinutes()));
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        out.println("# " + fleet.replay());
        GroundTruth.print(m, from, to, at == null ? terms.start() : at, out);
        out.flush();
        return 0;
    }
}
