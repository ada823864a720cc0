package org.adcs.headend.meter;

/**
 * Opens a connection to a meter that listens (R-COL-5, {@link MeterModel.ConnectionKind#HEAD_END_DIALS}).
 * The connection then announces the meter to its entity like one the meter opened itself, so the
 * entity's waiting requests run as soon as it is up.
 */
@FunctionalInterface
public interface MeterDialler {

  /** Node-local and idempotent: a meter already connected or being dialled is not dialled twice. */
  void dial(String meterId, String address);

  MeterDialler NONE = (meterId, address) -> { };
}
