package org.adcs.mdm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;
import org.junit.jupiter.api.Test;

/** Supplier joins and leaves as master-data changes show them (R-MD-3). */
class SupplierSwitchTest {

  static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant APR = Instant.parse("2026-04-01T00:00:00Z");

  static ServicePointState state(String account, String supplier) {
    return new ServicePointState("SDP-7", "U-7", "M1", null, null, account, supplier, List.of("active-import"));
  }

  @Test
  void aNewSupplierFromADateIsOneSwitchWithBothSides() {
    ServicePointTimeline before = new ServicePointTimeline("SDP-7",
        List.of(new Period(JAN, Optional.empty(), state("ACC-1", "SUP-A"))));
    ServicePointTimeline after = before.overlay(new Period(APR, Optional.empty(), state("ACC-1", "SUP-B")));
    assertEquals(List.of(new SupplierSwitch("SDP-7", APR, Optional.of("SUP-A"), Optional.of("ACC-1"),
        Optional.of("SUP-B"), Optional.of("ACC-1"))), SupplierSwitch.between(before, after));
  }

  @Test
  void aStopIsALeaveAndAChangeKeepingTheSupplierIsNone() {
    ServicePointTimeline before = new ServicePointTimeline("SDP-7",
        List.of(new Period(JAN, Optional.empty(), state("ACC-1", "SUP-A"))));
    assertEquals(List.of(new SupplierSwitch("SDP-7", APR, Optional.of("SUP-A"), Optional.of("ACC-1"),
        Optional.empty(), Optional.empty())), SupplierSwitch.between(before, before.closeAt(APR)));
    ServicePointTimeline sameSupplier = before.overlay(new Period(APR, Optional.empty(), state("ACC-1", "SUP-A")));
    assertEquals(List.of(), SupplierSwitch.between(before, sameSupplier));
    assertEquals(List.of(new SupplierSwitch("SDP-7", JAN, Optional.empty(), Optional.empty(), Optional.of("SUP-A"),
        Optional.of("ACC-1"))), SupplierSwitch.between(ServicePointTimeline.empty("SDP-7"), before));
  }
}
