package org.adcs.mdm.vee;

import java.util.BitSet;
import org.adcs.mdm.reading.IntervalDay;
import org.adcs.mdm.reading.MeterFlag;

/** The mutable working copy of one day that the VEE rules read and flag in turn. */
final class DayWork {

  final IntervalDay raw;
  final long[] values;
  final int[] flags;
  final BitSet present;
  final BitSet estimated = new BitSet();

  DayWork(IntervalDay raw) {
    this.raw = raw;
    this.values = raw.values();
    this.present = raw.present();
    this.flags = new int[raw.intervalCount()];
    for (int i = 0; i < flags.length; i++) {
      if (!present.get(i)) {
        values[i] = 0;
        continue;
      }
      int meterFlags = raw.meterFlags(i);
      if (MeterFlag.DATA_NOT_VALID.in(meterFlags) || MeterFlag.CLOCK_INVALID.in(meterFlags)) {
        flag(i, VeeFlag.METER_INVALID);
      }
      if (MeterFlag.POWER_OUTAGE.in(meterFlags)) {
        flag(i, VeeFlag.POWER_OUTAGE);
      }
    }
  }

  int count() {
    return values.length;
  }

  void flag(int interval, VeeFlag flag) {
    flags[interval] |= flag.bit();
  }

  boolean has(int interval, VeeFlag flag) {
    return flag.in(flags[interval]);
  }

  boolean anyPresentHas(VeeFlag flag) {
    for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
      if (has(i, flag)) {
        return true;
      }
    }
    return false;
  }

  void flagAllPresent(VeeFlag flag) {
    for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
      flag(i, flag);
    }
  }

  long presentTotal() {
    long total = 0;
    for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
      total += values[i];
    }
    return total;
  }
}
