/**
 * COSEM objects as typed views: OBIS codes, date-times, Data, Register, Profile Generic (with range and entry selective access), Clock, Single Action Schedule, Push Setup, Association LN and the standard event log. Servers dispatch to them through {@link org.adcs.protocol.cosem.ObjectModel}; clients use their static parsers.
 */
package org.adcs.protocol.cosem;
