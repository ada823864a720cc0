package org.adcs.simulator.field;

import java.io.PrintStream;
import java.time.Instant;
import org.adcs.simulator.meter.IntervalReading;
import org.adcs.simulator.meter.MeterEvent;
import org.adcs.simulator.meter.MidnightRegisters;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * The exact values a meter holds for a period, as CSV, so tests can assert that what the store holds
 * corresponds 100 % with what the meter had. Times are ISO-8601 UTC instants of the meter's clock;
 * values are raw channel units (multiply by 10^scaler of the unit line). Lines:
 * <pre>
 *   meter,&lt;logical device name&gt;,&lt;serial&gt;,import-scaler,&lt;s&gt;,export-scaler,&lt;s&gt;,unit,Wh
 *   interval,&lt;end&gt;,&lt;status&gt;,&lt;import&gt;,&lt;export&gt;
 *   register,&lt;midnight&gt;,&lt;import&gt;,&lt;export&gt;
 *   event,&lt;time&gt;,&lt;code&gt;
 * </pre>
 * It covers the generated memory (what the seed determines), not changes a head-end made at run time.
 */
public final class GroundTruth {
    private GroundTruth() {
    }

    public static void print(SimulatedMeter meter, Instant from, Instant to, Instant fleetNow, PrintStream out) {
        long f = meter.history().localOf(from);
        long t = meter.history().localOf(to);
        out.printf("meter,%s,%d,import-scaler,%d,export-scaler,%d,unit,Wh%n", meter.name(), meter.spec().serial(),
                meter.spec().importUnit().scaler(), meter.spec().exportUnit().scaler());
        for (IntervalReading r : meter.intervals(f, t, fleetNow)) {
            out.printf("interval,%s,%d,%d,%d%n", r.end(), r.status(), r.importRaw(), r.exportRaw());
        }
        for (MidnightRegisters m : meter.midnights(f, t, fleetNow)) {
            out.printf("register,%s,%d,%d%n", m.midnight(), m.importRaw(), m.exportRaw());
        }
        for (MeterEvent e : meter.events(f, t, fleetNow)) {
            out.printf("event,%s,%d%n", e.time(), e.code());
        }
    }
}
