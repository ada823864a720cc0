package org.adcs.mdm.readside;

import java.util.BitSet;

/** Which intervals of one channel-day arrived, over every delivery of it; bit i is the i-th interval after midnight. */
public record ReceivedIntervals(int intervalMinutes, BitSet present) {

  public ReceivedIntervals {
    present = (BitSet) present.clone();
  }

  @Override
  public BitSet present() {
    return (BitSet) present.clone();
  }
}
