/**
 * Thin Netty adapters, one job per handler: wrapper framing, then a handler that drives a session. The pipelines are independent of which side connected, so a meter that dials the head-end serves it on that same connection.
 */
package org.adcs.protocol.netty;
