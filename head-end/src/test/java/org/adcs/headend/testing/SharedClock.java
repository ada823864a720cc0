package org.adcs.headend.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulation's clock as the head-end sees it: handed to {@code HeadEnd.start} first, pointed at
 * the simulation's clock once the head-end is up, so a simulated night starts on time however long
 * start-up takes.
 */
public final class SharedClock extends Clock {

  private volatile Clock delegate = Clock.systemUTC();

  public void follow(Clock simulation) {
    delegate = simulation;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("shared as is, in UTC");
  }

  @Override
  public Instant instant() {
    return delegate.instant();
  }
}
