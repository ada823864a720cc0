package org.adcs.cli.http;

/** A request that did not succeed, with the message for the operator and the exit code for scripts. */
public final class ApiFailure extends RuntimeException {

  private final ExitCode exitCode;

  public ApiFailure(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
