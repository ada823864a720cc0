package org.adcs.simulator.cli;

import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code simulator run | truth | field-dump}: the fleet simulator's command line (issue 5, "Interface").
 * Bad arguments print a clear message and usage and exit with 2; a failure while running exits with 1.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "ADCS meter fleet simulator 0.1",
        description = "A fleet of simulated DLMS/COSEM meters with realistic data and real faults.",
        subcommands = {RunCommand.class, TruthCommand.class, FieldDumpCommand.class})
public final class SimulatorCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, truth or field-dump");
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SimulatorCli());
        cli.registerConverter(Instant.class, Instant::parse);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                commandLine.usage(commandLine.getErr());
                return 2;
            }
            commandLine.getErr().println("failed: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    /** A meter by index (0..) or by logical device name (ADC + 13-digit serial). */
    static int meterIndex(String meter, int fleetSize) {
        int index;
        if (meter.matches("ADC\\d{13}")) {
            index = (int) (Long.parseLong(meter.substring(3)) - 10_000_000L);
        } else if (meter.matches("\\d{1,9}")) {
            index = Integer.parseInt(meter);
        } else {
            throw new IllegalArgumentException("--meter must be an index or a logical device name such as ADC0000010000042, was '" + meter + "'");
        }
        if (index < 0 || index >= fleetSize) {
            throw new IllegalArgumentException("meter " + meter + " is not in a fleet of " + fleetSize);
        }
        return index;
    }
}
