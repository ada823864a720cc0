package org.adcs.simulator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.adcs.simulator.field.FieldDump;
import org.adcs.simulator.meter.FleetTerms;
import org.adcs.simulator.meter.IntervalPlan;
import org.adcs.simulator.meter.MeterSpec;
import org.adcs.simulator.meter.SimulatedMeter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code field-dump}: a meter's whole memory to a file, as a field service terminal downloads it (R-FLD-2). */
@Command(name = "field-dump", mixinStandardHelpOptions = true,
        description = "Write a meter's whole memory (intervals, registers, event log, power quality) to a field dump file.")
final class FieldDumpCommand implements Callable<Integer> {
    @Mixin
    FleetOptions fleet;

    @Option(names = "--meters", description = "fleet size (default ${DEFAULT-VALUE})", defaultValue = "100000")
    int size;

    @Option(names = "--meter", required = true, description = "meter index or logical device name")
    String meter;

    @Option(names = "--at", description = "simulated time of the download (default: --start)")
    Instant at;

    @Option(names = "--out", required = true, description = "file to write")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FleetTerms terms = fleet.terms();
        int index = SimulatorCli.meterIndex(meter, size);
        SimulatedMeter m = new SimulatedMeter(MeterSpec.of(terms, index), terms, new IntervalPlan(terms.intervalMinutes()));
        byte[] dump = FieldDump.write(m, at == null ? terms.start() : at);
        try {
            Files.write(out, dump);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        spec.commandLine().getOut().printf("wrote %s: %d bytes, meter %s (%s)%n", out, dump.length, m.name(), fleet.replay());
        return 0;
    }
}
