package org.adcs.scheduler;

/**
 * Marker for the scheduler's journal events and for messages that may cross the cluster. Bound to
 * Jackson CBOR in this module's {@code reference.conf}; Java serialization stays off.
 */
public interface SchedulerSerializable {}
