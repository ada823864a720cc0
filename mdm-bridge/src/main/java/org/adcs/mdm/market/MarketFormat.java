package org.adcs.mdm.market;

import java.util.List;
import java.util.Optional;

/** The layouts a market party may take its daily file in (R-MD-5), configured per party. */
public enum MarketFormat {
  /** One line per interval, the columns of the reading API's CSV plus service point, read and posting times. */
  CSV("csv"),
  /** CMEP interval records, one MEPMD01 record per meter, channel and day. */
  CMEP("cmep"),
  /** The content of the EDI 867 documents as pipe-separated segments (see {@link Edi867Writer}). */
  EDI_867("edi867");

  private final String wire;

  MarketFormat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<MarketFormat> ofWire(String text) {
    for (MarketFormat format : values()) {
      if (format.wire.equalsIgnoreCase(text)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** Renders the party's posted days in this format. */
  public String render(Envelope envelope, List<MarketDay> days) {
    return switch (this) {
      case CSV -> MarketCsvWriter.write(envelope, days);
      case CMEP -> CmepWriter.write(envelope, days);
      case EDI_867 -> Edi867Writer.write(envelope, days);
    };
  }
}
