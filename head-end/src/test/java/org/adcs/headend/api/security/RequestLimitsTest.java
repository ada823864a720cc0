package org.adcs.headend.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A party's requests are held to its limit (R-DAT-4), each party on its own bucket. */
class RequestLimitsTest {

  private final AtomicLong now = new AtomicLong();
  private final RequestLimits limits = new RequestLimits(new RequestLimits.Limit(3, 2), now::get);

  @Test
  void aBurstPassesThenTheCallerWaitsForTheRefill() {
    for (int i = 0; i < 3; i++) {
      assertTrue(limits.take("esco").allowed(), "request " + i + " of the burst");
    }
    RequestLimits.Decision refused = limits.take("esco");
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMillis(500), refused.retryAfter(), "two a second: one more in half a second");

    now.addAndGet(Duration.ofMillis(499).toNanos());
    assertFalse(limits.take("esco").allowed());
    now.addAndGet(Duration.ofMillis(1).toNanos());
    assertTrue(limits.take("esco").allowed());
    assertFalse(limits.take("esco").allowed());
  }

  @Test
  void bucketsRefillOnlyUpToTheBurstAndAreKeptPerCaller() {
    for (int i = 0; i < 3; i++) {
      limits.take("esco");
    }
    assertTrue(limits.take("other").allowed(), "another party has its own bucket");
    now.addAndGet(Duration.ofHours(1).toNanos());
    for (int i = 0; i < 3; i++) {
      assertTrue(limits.take("esco").allowed());
    }
    assertFalse(limits.take("esco").allowed(), "an idle hour refills to the burst, not beyond");
  }

  @Test
  void peekingDoesNotTakeARequest() {
    for (int i = 0; i < 10; i++) {
      assertTrue(limits.peek("esco").allowed());
    }
    for (int i = 0; i < 3; i++) {
      assertTrue(limits.take("esco").allowed());
    }
    assertFalse(limits.peek("esco").allowed());
  }
}
