package org.adcs.headend.alerts;

/** Where parts of the head-end raise operator notices. */
@FunctionalInterface
public interface Notices {

  /** Takes the notice without blocking the caller. */
  void raise(Notice notice);

  Notices NONE = notice -> { };
}
