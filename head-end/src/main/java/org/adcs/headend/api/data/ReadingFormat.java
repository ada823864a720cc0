package org.adcs.headend.api.data;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.MediaTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats readings are delivered in (R-DAT-1): the same rows, written three ways. */
public enum ReadingFormat {
  JSON("json", "application/json"),
  CSV("csv", "text/csv"),
  /** IEC 61968-9 MeterReadings. */
  XML("xml", "application/xml");

  private final String wire;
  private final String mediaType;

  ReadingFormat(String wire, String mediaType) {
    this.wire = wire;
    this.mediaType = mediaType;
  }

  /** How the API names it ({@code format=csv}) and the mailbox file's extension. */
  public String wire() {
    return wire;
  }

  public String mediaType() {
    return mediaType;
  }

  public ContentType contentType() {
    return switch (this) {
      case JSON -> ContentTypes.APPLICATION_JSON;
      case CSV -> ContentTypes.create(MediaTypes.TEXT_CSV, HttpCharsets.UTF_8);
      case XML -> ContentTypes.create(MediaTypes.APPLICATION_XML, HttpCharsets.UTF_8);
    };
  }

  public ReadingWriter newWriter(ObjectMapper json) {
    return switch (this) {
      case JSON -> new JsonReadingWriter(json);
      case CSV -> new CsvReadingWriter();
      case XML -> new CimXmlReadingWriter();
    };
  }

  public static Optional<ReadingFormat> ofWire(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.wire.equals(wanted)).findFirst();
  }

  /** The first format an Accept header names (in order, ignoring parameters); empty if none is served. */
  public static Optional<ReadingFormat> ofAccept(String accept) {
    for (String range : accept.split(",")) {
      String media = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
      for (ReadingFormat f : values()) {
        if (f.mediaType.equals(media) || (f == XML && media.equals("text/xml"))) {
          return Optional.of(f);
        }
      }
      if (media.equals("*/*") || media.equals("application/*")) {
        return Optional.of(JSON);
      }
    }
    return Optional.empty();
  }

  public static String allWire() {
    return String.join(", ", Arrays.stream(values()).map(ReadingFormat::wire).toList());
  }
}
