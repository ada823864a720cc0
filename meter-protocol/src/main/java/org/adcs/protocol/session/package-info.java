/**
 * Transport-agnostic state machines: {@link org.adcs.protocol.session.ClientSession} (the head-end: associate, get, set, action, release, block transfer, invoke ids, timeouts) and {@link org.adcs.protocol.session.ServerSession} (the meter: dispatch to an object model). Both are plain Java, driven by the Netty adapters or by tests.
 */
package org.adcs.protocol.session;
