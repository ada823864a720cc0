package org.adcs.headend.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import org.adcs.headend.config.InvalidSettingException;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.usage.FixedUsage;
import org.junit.jupiter.api.Test;

/** adcs.master-data, its unmetered points above all (R-MD-3). */
class MasterDataSettingsTest {

  private static Config config(String unmetered) {
    return ConfigFactory.parseString("adcs.master-data { check-readings = off, hold-time = 1h, unmetered = "
        + unmetered + " }");
  }

  @Test
  void unmeteredPointsAreReadWithTheirFixedUsage() {
    MasterDataSettings s = MasterDataSettings.from(config("[{ sdp-id = SL-1, daily = 1200 },"
        + " { sdp-id = SL-2, channel = active-export, monthly = 36000 }]"));
    assertEquals(Duration.ofHours(1), s.holdTime());
    assertEquals(Map.of("SL-1", new FixedUsage("SL-1", Channel.ACTIVE_IMPORT, FixedUsage.Basis.DAILY, 1200),
        "SL-2", new FixedUsage("SL-2", Channel.ACTIVE_EXPORT, FixedUsage.Basis.MONTHLY, 36000)), s.fixedUsage());
    assertEquals(Map.of(), MasterDataSettings.from(config("[]")).fixedUsage());
  }

  @Test
  void aFaultyUnmeteredPointIsRefusedByItsPath() {
    assertMessage("[{ sdp-id = SL-1 }]", "adcs.master-data.unmetered[0]", "exactly one of daily or monthly");
    assertMessage("[{ sdp-id = SL-1, daily = 1, monthly = 2 }]", "adcs.master-data.unmetered[0]",
        "exactly one of daily or monthly");
    assertMessage("[{ sdp-id = SL-1, daily = -1 }]", "adcs.master-data.unmetered[0].daily", "must not be negative");
    assertMessage("[{ sdp-id = SL-1, daily = 1 }, { sdp-id = SL-1, daily = 2 }]",
        "adcs.master-data.unmetered[1].sdp-id", "given once");
    assertMessage("[{ sdp-id = SL-1, channel = \"Active Import\", daily = 1 }]",
        "adcs.master-data.unmetered[0].channel", "channel name");
    assertMessage("[{ daily = 1 }]", "adcs.master-data.unmetered[0]", "needs sdp-id");
    assertMessage("nope", "adcs.master-data.unmetered", "must be a list");
  }

  private static void assertMessage(String unmetered, String path, String part) {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> MasterDataSettings.from(config(unmetered)));
    assertTrue(e.getMessage().contains(path) && e.getMessage().contains(part), e.getMessage());
  }
}
