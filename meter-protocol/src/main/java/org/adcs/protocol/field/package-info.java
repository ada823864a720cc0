/**
 * The field dump: a meter's whole memory as a field service terminal downloads it (R-FLD-2), framed
 * with a version and a SHA-256 so a damaged or altered file is recognised. The simulator writes it,
 * the head-end reads and checks it; both through {@link org.adcs.protocol.field.FieldDumpFile}.
 */
package org.adcs.protocol.field;
