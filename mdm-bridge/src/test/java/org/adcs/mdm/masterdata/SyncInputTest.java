package org.adcs.mdm.masterdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.masterdata.SyncInput.Header;
import org.adcs.mdm.masterdata.SyncInput.InvalidSyncSet;
import org.junit.jupiter.api.Test;

/** Every input record and set is validated with an error that says what is wrong (R-MD-1). */
class SyncInputTest {

  private static final Header HEADER = new Header("cis", 1, SyncSet.Kind.INCREMENTAL,
      Instant.parse("2024-01-01T00:00:00Z"));

  @Test
  void aCompleteRecordParsesWithItsEffectiveDates() {
    var parsed = SyncRecord.parse(0, Map.of("sdpId", "SDP-1", "uniqueId", "U-1", "meter", "M1",
        "channels", List.of("active-import", "active-export"), "effectiveFrom", "2024-01-01T00:00:00Z",
        "effectiveTo", "2024-02-01T00:00:00Z"));
    SyncRecord record = assertInstanceOf(SyncRecord.Valid.class, parsed).record();
    assertEquals(SyncRecord.Action.UPSERT, record.action());
    assertEquals(List.of("active-import", "active-export"), record.state().channels());
    assertEquals(Optional.of(Instant.parse("2024-02-01T00:00:00Z")), record.effectiveTo());
    assertEquals(parsed, SyncRecord.parse(0, record.fields()));
  }

  @Test
  void everyFaultOfARecordIsNamed() {
    var parsed = SyncRecord.parse(3, Map.of("sdpId", "SDP 1", "meter", "M1", "effectiveFrom", "yesterday",
        "colour", "red", "action", "remove"));
    var invalid = assertInstanceOf(SyncRecord.Invalid.class, parsed);
    assertEquals(3, invalid.index());
    assertEquals("SDP 1", invalid.sdpId());
    assertTrue(invalid.reason().contains("unknown field 'colour'"), invalid.reason());
    assertTrue(invalid.reason().contains("action must be UPSERT or DEACTIVATE"), invalid.reason());
    assertTrue(invalid.reason().contains("sdpId 'SDP 1' must be"), invalid.reason());
    assertTrue(invalid.reason().contains("effectiveFrom 'yesterday' is not an ISO-8601 instant"), invalid.reason());
  }

  @Test
  void anUpsertNeedsUniqueIdMeterAndAnEndAfterItsStart() {
    var invalid = assertInstanceOf(SyncRecord.Invalid.class, SyncRecord.parse(0, Map.of("sdpId", "SDP-1",
        "effectiveFrom", "2024-02-01T00:00:00Z", "effectiveTo", "2024-01-01T00:00:00Z")));
    assertTrue(invalid.reason().contains("uniqueId is required"), invalid.reason());
    assertTrue(invalid.reason().contains("meter is required"), invalid.reason());
    assertTrue(invalid.reason().contains("must be after effectiveFrom"), invalid.reason());
    var deactivate = SyncRecord.parse(0, Map.of("action", "deactivate", "sdpId", "SDP-1",
        "effectiveFrom", "2024-02-01T00:00:00Z"));
    assertInstanceOf(SyncRecord.Valid.class, deactivate);
  }

  @Test
  void aCsvFileGivesOneRecordPerRowAndFaultyRowsBecomeExceptions() {
    String csv = "sdpId,uniqueId,meter,channels,effectiveFrom\r\n"
        + "SDP-1,U-1,M1,\"active-import;active-export\",2024-01-01T00:00:00Z\r\n"
        + "SDP-2,U-2,M2,,not-a-time\r\n"
        + "SDP-3,U-3\r\n"
        + "\r\n";
    SyncSet set = SyncInput.fromCsv(HEADER, csv, SyncSet.fingerprint(csv));
    assertEquals(1, set.records().size());
    assertEquals(List.of("active-import", "active-export"), set.records().get(0).state().channels());
    assertEquals(2, set.invalid().size());
    assertEquals(1, set.invalid().get(0).index());
    assertTrue(set.invalid().get(1).reason().contains("row 4 has 2 fields, the header 5"), set.invalid().get(1).reason());
  }

  @Test
  void setLevelFaultsRejectTheWholeSet() {
    assertThrows(InvalidSyncSet.class, () -> SyncInput.fromCsv(HEADER, "sdpId,colour\nSDP-1,red\n", "f"));
    assertThrows(InvalidSyncSet.class, () -> SyncInput.fromCsv(HEADER, "sdpId,meter\n\"SDP-1,M1\n", "f"));
    assertThrows(InvalidSyncSet.class, () -> SyncInput.fromRecords(HEADER, Map.of("a", 1), "f"));
    var e = assertThrows(InvalidSyncSet.class, () -> Header.parse("cis", 0, "FULL", "2024-01-01T00:00:00Z"));
    assertTrue(e.getMessage().contains("sequence must be a whole number of at least 1"));
    assertThrows(InvalidSyncSet.class, () -> Header.parse("", 1, "FULL", "2024-01-01T00:00:00Z"));
    assertThrows(InvalidSyncSet.class, () -> Header.parse("cis", 1, "PARTIAL", "2024-01-01T00:00:00Z"));
    assertThrows(InvalidSyncSet.class, () -> Header.parse("cis", 1.5, "FULL", "2024-01-01T00:00:00Z"));
    assertThrows(InvalidSyncSet.class, () -> Header.parse("cis", 1, "FULL", "2024-01-01"));
    assertEquals(new Header("cis", 7, SyncSet.Kind.FULL, Instant.parse("2024-01-01T00:00:00Z")),
        Header.parse("cis", "7", "full", "2024-01-01T00:00:00Z"));
  }
}
