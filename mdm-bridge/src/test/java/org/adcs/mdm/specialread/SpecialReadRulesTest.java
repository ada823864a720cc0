package org.adcs.mdm.specialread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.junit.jupiter.api.Test;

/** Each special-read kind's rules (R-MD-2). */
class SpecialReadRulesTest {

  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-06-15T00:00:00Z");

  /** SDP-1: meter M1 from January, changed out for M2 in March, service stops in May. */
  static final ServicePointTimeline POINT = new ServicePointTimeline("SDP-1", List.of(
      new Period(JAN, Optional.of(MAR), state("M1", "ACC-1", "SUP-A")),
      new Period(MAR, Optional.of(MAY), state("M2", "ACC-1", "SUP-A"))));

  static ServicePointState state(String meter, String account, String supplier) {
    return new ServicePointState("SDP-1", "U-1", meter, null, null, account, supplier, List.of("active-import"));
  }

  static SpecialRead read(SpecialReadKind kind, Instant at, String meter, long wh) {
    return new SpecialRead(UUID.randomUUID(), "SDP-1", kind, at, reads(meter, wh), Optional.empty(),
        Optional.empty(), NOW);
  }

  static MeterReads reads(String meter, long wh) {
    return new MeterReads(meter, Map.of("active-import", wh));
  }

  static List<String> check(SpecialRead read, SpecialRead... earlier) {
    return SpecialReadRules.check(read, Optional.of(POINT), List.of(earlier), NOW);
  }

  @Test
  void anInitialReadOpensTheService() {
    assertEquals(List.of(), check(read(SpecialReadKind.INITIAL, JAN, "M1", 100)));
    List<String> midService = check(read(SpecialReadKind.INITIAL, Instant.parse("2026-02-01T00:00:00Z"), "M1", 100));
    assertEquals(1, midService.size(), midService.toString());
    assertTrue(midService.get(0).contains("already active before"), midService.get(0));
    assertTrue(check(read(SpecialReadKind.INITIAL, Instant.parse("2025-12-01T00:00:00Z"), "M1", 100)).get(0)
        .contains("no service starts"));
  }

  @Test
  void anOffCycleReadIsOfTheMeterInServiceWhileTheServiceIsActive() {
    Instant feb = Instant.parse("2026-02-10T12:00:00Z");
    assertEquals(List.of(), check(read(SpecialReadKind.OFF_CYCLE, feb, "M1", 500)));
    assertEquals(List.of("the read names meter M2 but service point SDP-1 has meter M1 then"),
        check(read(SpecialReadKind.OFF_CYCLE, feb, "M2", 500)));
    assertEquals(List.of("service point SDP-1 is not active at 2026-05-20T00:00:00Z"),
        check(read(SpecialReadKind.OFF_CYCLE, Instant.parse("2026-05-20T00:00:00Z"), "M2", 500)));
  }

  @Test
  void readCycleAndTariffChangesNameTheirNewValue() {
    Instant feb = Instant.parse("2026-02-10T00:00:00Z");
    SpecialRead withoutTariff = read(SpecialReadKind.TARIFF_CHANGE, feb, "M1", 500);
    assertEquals(List.of("a tariff-change read must name the new tariff"), check(withoutTariff));
    SpecialRead cycle = new SpecialRead(UUID.randomUUID(), "SDP-1", SpecialReadKind.READ_CYCLE_CHANGE, feb,
        reads("M1", 500), Optional.empty(), Optional.of("cycle-07"), NOW);
    assertEquals(List.of(), check(cycle));
    SpecialRead offCycleWithValue = new SpecialRead(UUID.randomUUID(), "SDP-1", SpecialReadKind.OFF_CYCLE, feb,
        reads("M1", 500), Optional.empty(), Optional.of("cycle-07"), NOW);
    assertEquals(List.of("a off-cycle read carries no new value"), check(offCycleWithValue));
  }

  @Test
  void aChangeOutNeedsTheRemovedAndTheInstalledMetersReads() {
    SpecialRead both = new SpecialRead(UUID.randomUUID(), "SDP-1", SpecialReadKind.CHANGE_OUT, MAR,
        reads("M1", 900), Optional.of(reads("M2", 0)), Optional.empty(), NOW);
    assertEquals(List.of(), check(both));
    assertEquals(List.of("a change-out needs both the removal read and the installation read"),
        check(read(SpecialReadKind.CHANGE_OUT, MAR, "M1", 900)));
    SpecialRead swapped = new SpecialRead(UUID.randomUUID(), "SDP-1", SpecialReadKind.CHANGE_OUT, MAR,
        reads("M2", 900), Optional.of(reads("M1", 0)), Optional.empty(), NOW);
    assertEquals(List.of("the removal read names meter M2 but service point SDP-1 has meter M1 then",
        "the installation read names meter M1 but service point SDP-1 has meter M2 then"), check(swapped));
    SpecialRead notAnExchange = new SpecialRead(UUID.randomUUID(), "SDP-1", SpecialReadKind.CHANGE_OUT, JAN,
        reads("M1", 900), Optional.of(reads("M2", 0)), Optional.empty(), NOW);
    assertTrue(check(notAnExchange).get(0).contains("not in service on both sides"));
  }

  @Test
  void aFinalReadIsTakenWhenTheServiceStopsAndClosesIt() {
    SpecialRead fin = read(SpecialReadKind.FINAL, MAY, "M2", 2000);
    assertEquals(List.of(), check(fin));
    assertTrue(check(read(SpecialReadKind.FINAL, Instant.parse("2026-04-01T00:00:00Z"), "M2", 2000)).get(0)
        .contains("does not stop at"));
    SpecialRead after = read(SpecialReadKind.OFF_CYCLE, Instant.parse("2026-05-02T00:00:00Z"), "M2", 2100);
    List<String> problems = check(after, fin);
    assertTrue(problems.get(0).contains("closed by the final read"), problems.toString());
  }

  @Test
  void creditTurnOnFollowsATurnOff() {
    SpecialRead off = read(SpecialReadKind.CREDIT_TURN_OFF, Instant.parse("2026-02-01T00:00:00Z"), "M1", 300);
    SpecialRead on = read(SpecialReadKind.CREDIT_TURN_ON, Instant.parse("2026-02-05T00:00:00Z"), "M1", 300);
    assertEquals(List.of(), check(off));
    assertEquals(List.of("a credit turn-on needs an earlier credit turn-off"), check(on));
    assertEquals(List.of(), check(on, off));
    assertEquals(List.of("the service is already turned off for credit"),
        check(read(SpecialReadKind.CREDIT_TURN_OFF, Instant.parse("2026-02-03T00:00:00Z"), "M1", 300), off));
  }

  @Test
  void registersAreCumulativeAndReadsAreNotInTheFuture() {
    SpecialRead earlier = read(SpecialReadKind.OFF_CYCLE, Instant.parse("2026-02-01T00:00:00Z"), "M1", 800);
    List<String> problems = check(read(SpecialReadKind.OFF_CYCLE, Instant.parse("2026-02-02T00:00:00Z"), "M1", 700),
        earlier);
    assertEquals(List.of("register active-import of meter M1 reads 700, below 800 at the off-cycle read of "
        + "2026-02-01T00:00:00Z"), problems);
    ServicePointTimeline open = new ServicePointTimeline("SDP-1", List.of(
        new Period(JAN, Optional.empty(), state("M1", "ACC-1", "SUP-A"))));
    assertEquals(List.of("read time 2026-07-01T00:00:00Z is in the future"), SpecialReadRules.check(
        read(SpecialReadKind.OFF_CYCLE, Instant.parse("2026-07-01T00:00:00Z"), "M1", 1), Optional.of(open),
        List.of(), NOW));
    assertEquals(List.of("service point SDP-1 is not synchronised"), SpecialReadRules.check(
        read(SpecialReadKind.OFF_CYCLE, JAN, "M1", 1), Optional.empty(), List.of(), NOW));
    assertThrows(IllegalArgumentException.class, () -> reads("M1", -1));
  }
}
