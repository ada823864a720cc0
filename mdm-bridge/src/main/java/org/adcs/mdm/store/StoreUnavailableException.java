package org.adcs.mdm.store;

/**
 * The MDM store cannot be started or reached. The message is written for an operator: it names
 * what failed and what to do, in one line.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
