package org.adcs.mdm.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Effective-dated resolution of a service point's relationships (R-MD-1). */
class ServicePointTimelineTest {

  static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant FEB = Instant.parse("2024-02-01T00:00:00Z");
  static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");
  static final Instant APR = Instant.parse("2024-04-01T00:00:00Z");

  static ServicePointState state(String meter, String account) {
    return new ServicePointState("SDP-1", "U-1", meter, "CM-1", "P-1", account, "BA-1", List.of("active-import"));
  }

  static Period period(Instant from, Instant to, ServicePointState state) {
    return new Period(from, Optional.ofNullable(to), state);
  }

  @Test
  void resolvesTheStateEffectiveAtEachInstantFromInclusiveToExclusive() {
    var t = ServicePointTimeline.empty("SDP-1").overlay(period(JAN, FEB, state("M1", "A1")))
        .overlay(period(FEB, null, state("M2", "A1")));
    assertEquals(Optional.empty(), t.at(JAN.minusSeconds(1)));
    assertEquals("M1", t.at(JAN).orElseThrow().meter());
    assertEquals("M1", t.at(FEB.minusSeconds(1)).orElseThrow().meter());
    assertEquals("M2", t.at(FEB).orElseThrow().meter());
    assertEquals("M2", t.at(Instant.parse("2030-01-01T00:00:00Z")).orElseThrow().meter());
  }

  @Test
  void aBackDatedChangeInsideAPeriodSplitsItAndTheOlderStateResumesAfterwards() {
    var t = ServicePointTimeline.empty("SDP-1").overlay(period(JAN, null, state("M1", "A1")))
        .overlay(period(FEB, MAR, state("M1", "A2")));
    assertEquals(3, t.periods().size());
    assertEquals("A1", t.at(JAN).orElseThrow().account());
    assertEquals("A2", t.at(FEB).orElseThrow().account());
    assertEquals("A1", t.at(MAR).orElseThrow().account());
    assertEquals(Optional.empty(), t.periods().get(2).to());
  }

  @Test
  void aFutureDatedOpenChangeReplacesEverythingFromItsStart() {
    var t = ServicePointTimeline.empty("SDP-1").overlay(period(JAN, FEB, state("M1", "A1")))
        .overlay(period(MAR, APR, state("M1", "A2")))
        .overlay(period(Instant.parse("2024-01-15T00:00:00Z"), null, state("M3", "A3")));
    assertEquals(2, t.periods().size());
    assertEquals("M1", t.at(JAN).orElseThrow().meter());
    assertEquals("M3", t.at(FEB).orElseThrow().meter());
    assertEquals("M3", t.at(APR).orElseThrow().meter());
  }

  @Test
  void closingDeactivatesFromThatInstantAndDropsLaterPeriods() {
    var t = ServicePointTimeline.empty("SDP-1").overlay(period(JAN, FEB, state("M1", "A1")))
        .overlay(period(FEB, null, state("M2", "A1")))
        .closeAt(Instant.parse("2024-01-20T00:00:00Z"));
    assertEquals(1, t.periods().size());
    assertEquals(Optional.of(Instant.parse("2024-01-20T00:00:00Z")), t.periods().get(0).to());
    assertEquals(Optional.empty(), t.at(FEB));
    assertTrue(t.servesMeter("M1", JAN, FEB));
    assertTrue(!t.servesMeter("M2", JAN, APR));
  }

  @Test
  void periodsMustNotOverlapNorEndBeforeTheyStart() {
    assertThrows(IllegalArgumentException.class, () -> period(FEB, JAN, state("M1", "A1")));
    assertThrows(IllegalArgumentException.class, () -> new ServicePointTimeline("SDP-1",
        List.of(period(JAN, MAR, state("M1", "A1")), period(FEB, null, state("M1", "A1")))));
  }
}
