package org.adcs.simulator.cosem;

import org.adcs.simulator.meter.SimulatedMeter;

/**
 * What the object model asks of the fleet: a push on demand, noting a schedule the head-end wrote,
 * and counting the head-end's push acknowledgements.
 */
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

    /** The head-end SET the push acknowledgement object; {@code result} says what it did. */
    default void pushAcknowledged(SimulatedMeter meter, SimulatedMeter.Acknowledgement result) {
    }
}
