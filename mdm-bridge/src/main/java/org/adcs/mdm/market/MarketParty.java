package org.adcs.mdm.market;

import java.util.Objects;
import java.util.regex.Pattern;

/** A market party that receives a daily file, in its configured format (R-MD-5). */
public record MarketParty(String id, MarketFormat format) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public MarketParty {
    Objects.requireNonNull(format, "format");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a market party id is 1-64 letters, digits or . _ -, found " + id);
    }
  }
}
