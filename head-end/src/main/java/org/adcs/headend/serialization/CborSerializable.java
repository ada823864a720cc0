package org.adcs.headend.serialization;

/**
 * Marker for messages, events and snapshots that cross the network or go to the journal. Bound to
 * Jackson CBOR in {@code application.conf}; Java serialization stays off.
 */
public interface CborSerializable {}
