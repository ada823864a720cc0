package org.adcs.headend;

/**
 * Start-up cannot go on. The message is one line for the operator: which setting or service,
 * what is wrong, what to do. {@link HeadEndMain} prints it instead of a stack trace.
 */
public final class StartupFailure extends RuntimeException {
  public StartupFailure(String message) {
    super(message);
  }

  public StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
