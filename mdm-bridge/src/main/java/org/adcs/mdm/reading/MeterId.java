package org.adcs.mdm.reading;

import java.util.regex.Pattern;

/** A meter's identity in the store: its serial number or logical device name, as text. */
public record MeterId(String value) implements Comparable<MeterId> {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  public MeterId {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("meter id must be 1-64 letters, digits or . _ : -, found " + value);
    }
  }

  @Override
  public int compareTo(MeterId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
