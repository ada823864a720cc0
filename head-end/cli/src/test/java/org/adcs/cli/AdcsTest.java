package org.adcs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.adcs.cli.http.ExitCode;
import org.junit.jupiter.api.Test;

/** The exit codes and messages scripts and people get before any request is sent. */
class AdcsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Adcs.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    assertEquals(0, run("--help"));
    for (String command : new String[] {"login", "meter", "schedule", "mass-read", "read-groups"}) {
      assertTrue(out.toString().contains(command), out.toString());
    }
    assertTrue(out.toString().contains("4   not authenticated or not authorised"), out.toString());
  }

  @Test
  void missingOrConflictingArgumentsAreUsageErrorsWithTheReason() {
    assertEquals(ExitCode.USAGE.code(), run("meter", "show"));
    assertTrue(err.toString().contains("Missing required parameter: 'METER-ID'"), err.toString());
    assertEquals(ExitCode.USAGE.code(), run("mass-read", "start", "--group", "1", "--missing", "--from", "2026-11-01",
        "--to", "2026-11-01"));
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    assertEquals(ExitCode.USAGE.code(), run("schedule", "set", "MTR-1", "--id", "x"));
    assertEquals(ExitCode.USAGE.code(), run("no-such-command"));
  }

  @Test
  void aServerThatIsNotAUrlIsAUsageError() {
    assertEquals(ExitCode.USAGE.code(), run("meter", "show", "MTR-1", "--server", "not a url"));
    assertTrue(err.toString().contains("is not a URL"), err.toString());
  }

  @Test
  void anUnreachableServerIsTellingAndHasItsOwnCode() {
    assertEquals(ExitCode.UNREACHABLE.code(), run("meter", "show", "MTR-1", "--server", "https://127.0.0.1:1", "--token", "t"));
    assertTrue(err.toString().contains("cannot connect to https://127.0.0.1:1"), err.toString());
  }

  @Test
  void httpStatusesMapToTheDocumentedExitCodes() {
    assertEquals(ExitCode.NOT_AUTHORISED, ExitCode.forStatus(401));
    assertEquals(ExitCode.NOT_AUTHORISED, ExitCode.forStatus(403));
    assertEquals(ExitCode.NOT_FOUND, ExitCode.forStatus(404));
    assertEquals(ExitCode.REFUSED, ExitCode.forStatus(422));
    assertEquals(ExitCode.REFUSED, ExitCode.forStatus(429));
    assertEquals(ExitCode.FAILED, ExitCode.forStatus(504));
  }
}
