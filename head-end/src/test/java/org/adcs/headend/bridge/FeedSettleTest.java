package org.adcs.headend.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.adcs.headend.config.InvalidSettingException;
import org.junit.jupiter.api.Test;

/** {@code adcs.streams.settle}: a positive duration of at most a minute, refused with its name otherwise. */
class FeedSettleTest {

  @Test
  void theShippedDefaultIsAccepted() {
    assertEquals(Duration.ofSeconds(3), MdmBridge.feedSettle(ConfigFactory.load()));
  }

  @Test
  void zeroTooLongOrNotADurationIsRefused() {
    for (String value : new String[] {"0s", "2m", "\"soon\""}) {
      InvalidSettingException e = assertThrows(InvalidSettingException.class,
          () -> MdmBridge.feedSettle(ConfigFactory.parseString("adcs.streams.settle = " + value)));
      assertTrue(e.getMessage().contains("adcs.streams.settle"), e.getMessage());
    }
  }
}
