package org.adcs.scheduler.port;

/** Where the scheduler tells the operator about conditions that need a person (R-MIS-6, R-OD-2). */
public interface OperatorAlerts {

  void raise(OperatorAlert alert);
}
