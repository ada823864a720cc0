package org.adcs.cli.http;

/**
 * What {@code adcs} exits with, so scripts can tell a meter that did not answer from a typo or an
 * expired token without reading the message.
 */
public enum ExitCode {
  OK(0, "done"),
  /** The command ran but what it watched ended badly (a mass read with failed meters, cancelled). */
  INCOMPLETE(1, "done, not all of it succeeded"),
  /** Bad arguments or options: picocli's own code for usage errors. */
  USAGE(2, "bad arguments"),
  /** No connection, TLS refused, or no answer in time. */
  UNREACHABLE(3, "server unreachable"),
  /** 401 or 403: log in again, or ask an administrator for the role. */
  NOT_AUTHORISED(4, "not authenticated or not authorised"),
  /** 404: no such meter, schedule, read or job. */
  NOT_FOUND(5, "not found"),
  /** Any other 4xx: the server refused the request as it was (invalid, conflicting, limited). */
  REFUSED(6, "refused by the server"),
  /** 5xx: the server or the meter failed (504: the meter did not answer). */
  FAILED(7, "the server or the meter failed");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The exit code for an HTTP status that is not a success. */
  public static ExitCode forStatus(int status) {
    if (status == 401 || status == 403) {
      return NOT_AUTHORISED;
    }
    if (status == 404) {
      return NOT_FOUND;
    }
    if (status >= 400 && status < 500) {
      return REFUSED;
    }
    return FAILED;
  }
}
