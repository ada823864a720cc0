package org.adcs.cli;

import java.io.PrintWriter;
import org.adcs.cli.command.LoginCommand;
import org.adcs.cli.command.LogoutCommand;
import org.adcs.cli.command.MassReadCommand;
import org.adcs.cli.command.MeterCommand;
import org.adcs.cli.command.PickupCommand;
import org.adcs.cli.command.ReadGroupsCommand;
import org.adcs.cli.command.ReportCommand;
import org.adcs.cli.command.ScheduleCommand;
import org.adcs.cli.http.ApiFailure;
import org.adcs.cli.http.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code adcs}: the operators' command line over the head-end's HTTP API. Tables for people by
 * default, {@code --json} for scripts; the exit codes of {@link ExitCode}.
 */
@Command(name = "adcs", mixinStandardHelpOptions = true, version = "adcs 0.1.0",
    description = "Operate the ADCS head-end: read meters, run mass reads, show and set schedules, read reports, upload field dumps.",
    subcommands = {LoginCommand.class, LogoutCommand.class, MeterCommand.class, ScheduleCommand.class,
        MassReadCommand.class, ReadGroupsCommand.class, ReportCommand.class, PickupCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done", "1:done, but not all of it succeeded (a mass read with failures, cancelled)",
        "2:bad arguments", "3:server unreachable (connection, TLS, timeout)",
        "4:not authenticated or not authorised (401, 403)", "5:not found (404)",
        "6:refused by the server (other 4xx)", "7:the server or the meter failed (5xx)"})
public final class Adcs implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; the exit code is returned, never {@code System.exit}ed, so tests can call it. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new Adcs());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ApiFailure failure) {
        cmd.getErr().println("adcs: " + failure.getMessage());
        return failure.exitCode().code();
      }
      cmd.getErr().println("adcs: unexpected failure: " + e);
      return ExitCode.FAILED.code();
    });
    return line.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. adcs meter show METER-ID");
  }
}
