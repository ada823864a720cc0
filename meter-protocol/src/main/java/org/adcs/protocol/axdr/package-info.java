/**
 * A-XDR encoding of the DLMS {@code Data} CHOICE used by the COSEM objects of ARCHITECTURE.md, "Protocol".
 */
package org.adcs.protocol.axdr;
