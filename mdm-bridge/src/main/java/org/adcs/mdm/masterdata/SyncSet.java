package org.adcs.mdm.masterdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One synchronisation set from one sending system (R-MD-1). Sets of a source are applied in
 * sequence order. A full set replaces everything: service points it leaves out are deactivated as of
 * {@code effectiveAt}. An incremental set changes only the points it names.
 *
 * @param records     the records that passed validation
 * @param invalid     the records that did not, reported as exceptions and never applied
 * @param fingerprint identifies the content, so a resent set is recognised as a duplicate
 */
public record SyncSet(String source, long sequence, Kind kind, Instant effectiveAt, List<SyncRecord> records,
    List<SyncRecord.Invalid> invalid, String fingerprint) {

  public enum Kind { FULL, INCREMENTAL }

  public SyncSet {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(effectiveAt, "effectiveAt");
    Objects.requireNonNull(fingerprint, "fingerprint");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1, found " + sequence);
    }
    records = List.copyOf(records);
    invalid = List.copyOf(invalid);
  }

  public int size() {
    return records.size() + invalid.size();
  }

  /** A fingerprint of the set's content as received (body bytes, or its canonical text). */
  public static String fingerprint(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public static String fingerprint(String content) {
    return fingerprint(content.getBytes(StandardCharsets.UTF_8));
  }
}
