package org.adcs.headend.session;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DailyPushPayload;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ScalerUnit;

/** Daily pushes as a meter on UTC standard time sends them, for the head-end's tests. */
final class Pushes {

  private Pushes() {}

  static long importValue(int i) {
    return 180 + (i * 37L) % 400;
  }

  /** The day before {@code midnight}: 96 intervals on import and export, the midnight register, two events. */
  static DailyPushPayload daily(String logicalDeviceName, LocalDateTime midnight) {
    List<DailyPushPayload.IntervalRow> rows = new ArrayList<>();
    for (int i = 0; i < 96; i++) {
      rows.add(new DailyPushPayload.IntervalRow(CosemDateTime.ofUtc(midnight.minusDays(1).plusMinutes(15L * (i + 1))),
          List.of(new DailyPushPayload.ChannelValue(i == 40 ? 0x80 : 0, importValue(i)),
              new DailyPushPayload.ChannelValue(0, i / 10))));
    }
    ScalerUnit wh = new ScalerUnit(0, ScalerUnit.UNIT_WH);
    return new DailyPushPayload(logicalDeviceName, CosemDateTime.ofUtc(midnight.plusHours(2).plusMinutes(20)),
        List.of(new DailyPushPayload.Channel(ObisCode.ACTIVE_ENERGY_IMPORT, wh),
            new DailyPushPayload.Channel(ObisCode.ACTIVE_ENERGY_EXPORT, new ScalerUnit(-1, ScalerUnit.UNIT_WH))),
        rows,
        List.of(new DailyPushPayload.RegisterRow(ObisCode.ACTIVE_ENERGY_IMPORT, 1_234_567, wh)),
        List.of(new DailyPushPayload.EventRow(CosemDateTime.ofUtc(midnight.minusHours(11)), 1),
            new DailyPushPayload.EventRow(CosemDateTime.ofUtc(midnight.minusHours(11).plusMinutes(2)), 2)));
  }
}
