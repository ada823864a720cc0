/**
 * Bounded reading and writing of untrusted bytes: every decoder returns {@link org.adcs.protocol.codec.Decoded}, a value or a typed {@link org.adcs.protocol.codec.DecodeError}, and never throws; no allocation is sized from a length before the bytes are known to be present and within {@link org.adcs.protocol.codec.Limits} (issue 4, "Untrusted bytes").
 */
package org.adcs.protocol.codec;
