package org.adcs.simulator.cosem;

import org.adcs.simulator.meter.SimulatedMeter;

/** What the object model asks of the fleet: a push on demand, and noting a schedule the head-end wrote. */
public interface MeterHooks {
    MeterHooks NONE = new MeterHooks() {
        @Override
        public void pushNow(SimulatedMeter meter, int schedule) {
        }

        @Override
        public void scheduleChanged(SimulatedMeter meter, int schedule) {
        }
    };

    void pushNow(SimulatedMeter meter, int schedule);

    void scheduleChanged(SimulatedMeter meter, int schedule);
}
