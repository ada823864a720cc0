package org.adcs.mdm.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One framed value: the bin it belongs to ("total", "on-peak", "H01", "max-demand", ...) and the
 * stretch [from, to) it covers. For maximum demand, the stretch is the window in which it occurred.
 */
public record Quantity(String bin, Instant from, Instant to, BigDecimal value, String unit) {}
