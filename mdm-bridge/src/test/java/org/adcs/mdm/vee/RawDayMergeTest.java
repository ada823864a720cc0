package org.adcs.mdm.vee;

import static org.adcs.mdm.vee.Days.DAY;
import static org.adcs.mdm.vee.Days.residential;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Optional;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.IntervalDay;
import org.junit.jupiter.api.Test;

class RawDayMergeTest {

  @Test
  void recoveredRangeFillsTheGapAndKeepsEarlierActuals() {
    IntervalDay nightly = Days.day(Channel.ACTIVE_IMPORT, DAY, residential(1), Days.allBut(40, 48), new int[96], 1);
    BitSet recoveredRange = new BitSet();
    recoveredRange.set(40, 48);
    long[] recoveredValues = new long[96];
    for (int i = 40; i < 48; i++) {
      recoveredValues[i] = residential(1)[i];
    }
    IntervalDay recovery = Days.day(Channel.ACTIVE_IMPORT, DAY, recoveredValues, recoveredRange, new int[96], 2);

    IntervalDay merged = RawDayMerge.merge(Optional.of(nightly), recovery);

    assertEquals(96, merged.presentCount());
    assertEquals(2, merged.revision());
    for (int i = 0; i < 96; i++) {
      assertEquals(residential(1)[i], merged.value(i), "interval " + i);
    }
  }

  @Test
  void resentValueWinsOverTheStoredOne() {
    IntervalDay stored = Days.day(residential(1));
    long[] resent = residential(1);
    resent[3] = 999;
    IntervalDay merged = RawDayMerge.merge(Optional.of(stored),
        Days.day(Channel.ACTIVE_IMPORT, DAY, resent, Days.all(), new int[96], 2));
    assertEquals(999, merged.value(3));
  }
}
