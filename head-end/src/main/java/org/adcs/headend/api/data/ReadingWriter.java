package org.adcs.headend.api.data;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a readings document piece by piece, so a large answer is streamed one meter and channel at a
 * time and never held whole: the heading, each series, then the end. One writer per document.
 */
public sealed interface ReadingWriter permits JsonReadingWriter, CsvReadingWriter, CimXmlReadingWriter {

  /** What the document answers. */
  record Heading(String kind, String zone, LocalDate from, LocalDate to) {}

  String begin(Heading heading);

  /** One meter's readings on one channel, in time order; nothing for an empty series. */
  String series(String meterId, String channel, List<ReadingRow> rows);

  String end();
}
