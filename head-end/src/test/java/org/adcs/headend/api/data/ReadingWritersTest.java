package org.adcs.headend.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each format writes the same rows (R-DAT-1): parsed back, every field of every row is the same. */
class ReadingWritersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ReadingWriter.Heading HEADING = new ReadingWriter.Heading("validated", "Europe/Paris",
      LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 1));

  private static final List<ReadingRow> M1_IMPORT = List.of(
      new ReadingRow("M1", "active-import", "2024-03-31T01:45:00+01:00", new BigDecimal("12.345"), "Wh", "VAL",
          List.of(), "SCHEDULED", 15),
      new ReadingRow("M1", "active-import", "2024-03-31T03:00:00+02:00", new BigDecimal("0.000"), "Wh", "EST",
          List.of("GAP", "ESTIMATED_LINEAR"), "RECOVERY", 15),
      new ReadingRow("M1", "active-import", "2024-03-31T03:15:00+02:00", new BigDecimal("1E+3"), "Wh", "NVE",
          List.of("SPIKE"), "ON_DEMAND", 15));
  private static final List<ReadingRow> M2_EXPORT = List.of(
      new ReadingRow("M2", "active-export", "2024-03-31T01:00:00+01:00", new BigDecimal("7.5"), "Wh", "",
          List.of(), "FIELD", 60));

  private static String document(ReadingFormat format) {
    ReadingWriter writer = format.newWriter(JSON);
    return writer.begin(HEADING) + writer.series("M1", "active-import", M1_IMPORT)
        + writer.series("M3", "active-import", List.of()) + writer.series("M2", "active-export", M2_EXPORT)
        + writer.end();
  }

  private static List<ReadingRow> expected() {
    List<ReadingRow> all = new ArrayList<>(M1_IMPORT);
    all.addAll(M2_EXPORT);
    return all;
  }

  @Test
  void jsonCarriesEveryFieldOfEveryRow() throws Exception {
    JsonNode doc = JSON.readTree(document(ReadingFormat.JSON));
    assertEquals("validated", doc.get("kind").asText());
    assertEquals("Europe/Paris", doc.get("zone").asText());
    assertSameRows(expected(), parseJson(document(ReadingFormat.JSON)));
  }

  @Test
  void csvCarriesEveryFieldOfEveryRow() {
    assertSameRows(expected(), parseCsv(document(ReadingFormat.CSV)));
  }

  @Test
  void cimXmlCarriesEveryFieldOfEveryRow() throws Exception {
    List<ReadingRow> rows = parseCim(document(ReadingFormat.XML));
    assertSameRows(expected(), rows);
  }

  @Test
  void cimXmlNamesTheReadingTypeByItsCimCodeAndQualitiesByTheirs() throws Exception {
    Document doc = parse(document(ReadingFormat.XML));
    assertEquals(CimXmlReadingWriter.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
    assertEquals("MeterReadings", doc.getDocumentElement().getLocalName());
    // 15-minute delta forward energy in Wh.
    assertEquals("0.0.2.4.1.1.12.0.0.0.0.0.0.0.0.0.72.0", ((Element) doc.getElementsByTagNameNS(
        CimXmlReadingWriter.NAMESPACE, "IntervalBlocks").item(0)).getElementsByTagNameNS(CimXmlReadingWriter.NAMESPACE,
        "ReadingType").item(0).getAttributes().getNamedItem("ref").getNodeValue());
    String xml = document(ReadingFormat.XML);
    assertTrue(xml.contains("<comment>EST</comment><ReadingQualityType ref=\"2.8.0\"/>"), xml);
    assertTrue(xml.contains("<comment>VAL</comment><ReadingQualityType ref=\"2.0.0\"/>"), xml);
  }

  @Test
  void textThatCouldBreakTheFormatIsEscaped() throws Exception {
    assertEquals("\"a,b\"", CsvReadingWriter.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvReadingWriter.field("say \"hi\""));
    assertEquals("plain", CsvReadingWriter.field("plain"));
    assertEquals("a&lt;b&gt;&amp;&quot;&apos;", CimXmlReadingWriter.escape("a<b>&\"'"));
  }

  @Test
  void anEmptyAnswerIsStillAWellFormedDocument() throws Exception {
    for (ReadingFormat format : ReadingFormat.values()) {
      ReadingWriter w = format.newWriter(JSON);
      String doc = w.begin(HEADING) + w.series("M1", "active-import", List.of()) + w.end();
      switch (format) {
        case JSON -> assertEquals(0, JSON.readTree(doc).get("readings").size());
        case CSV -> assertEquals(CsvReadingWriter.HEADER + "\r\n", doc);
        case XML -> assertEquals(0, parse(doc).getElementsByTagNameNS(CimXmlReadingWriter.NAMESPACE,
            "MeterReading").getLength());
      }
    }
  }

  @Test
  void theFormatComesFromTheParameterOrTheAcceptHeader() {
    assertEquals(ReadingFormat.CSV, ReadingRequest.format(Optional.of("CSV"), Optional.of("application/xml")));
    assertEquals(ReadingFormat.XML, ReadingRequest.format(Optional.empty(), Optional.of("application/xml;q=0.9")));
    assertEquals(ReadingFormat.CSV, ReadingRequest.format(Optional.empty(), Optional.of("text/html, text/csv")));
    assertEquals(ReadingFormat.JSON, ReadingRequest.format(Optional.empty(), Optional.of("*/*")));
    assertEquals(ReadingFormat.JSON, ReadingRequest.format(Optional.empty(), Optional.empty()));
    InvalidRequest refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequest.class,
        () -> ReadingRequest.format(Optional.empty(), Optional.of("image/png")));
    assertEquals(406, refused.status.intValue());
    assertEquals(400, org.junit.jupiter.api.Assertions.assertThrows(InvalidRequest.class,
        () -> ReadingRequest.format(Optional.of("pdf"), Optional.empty())).status.intValue());
  }

  /** Rows from a JSON readings document, values as written (plain decimals). */
  static List<ReadingRow> parseJson(String body) {
    JsonNode doc;
    try {
      doc = JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
    List<ReadingRow> rows = new ArrayList<>();
    for (JsonNode r : doc.get("readings")) {
      assertTrue(r.get("value").isNumber(), r.toString());
      List<String> flags = new ArrayList<>();
      r.get("flags").forEach(f -> flags.add(f.asText()));
      rows.add(new ReadingRow(r.get("meterId").asText(), r.get("channel").asText(), r.get("end").asText(),
          r.get("value").decimalValue(), r.get("unit").asText(), r.get("status").isNull() ? "" : r.get("status").asText(),
          flags, r.get("source").asText(), r.get("intervalMinutes").asInt()));
    }
    return rows;
  }

  /** Rows from a CSV readings document. */
  static List<ReadingRow> parseCsv(String body) {
    String[] lines = body.split("\r\n");
    assertEquals(CsvReadingWriter.HEADER, lines[0]);
    List<ReadingRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      assertEquals(9, f.length, lines[i]);
      rows.add(new ReadingRow(f[0], f[1], f[2], new BigDecimal(f[3]), f[4], f[5],
          f[6].isEmpty() ? List.of() : List.of(f[6].split("\\|")), f[7], Integer.parseInt(f[8])));
    }
    return rows;
  }

  /** Rows from an IEC 61968-9 MeterReadings document, units taken from its ReadingType list. */
  static List<ReadingRow> parseCim(String xml) throws Exception {
    Document doc = parse(xml);
    String ns = CimXmlReadingWriter.NAMESPACE;
    Map<String, String[]> types = new HashMap<>();
    NodeList typeList = doc.getDocumentElement().getChildNodes();
    for (int i = 0; i < typeList.getLength(); i++) {
      if (typeList.item(i) instanceof Element e && e.getLocalName().equals("ReadingType")) {
        types.put(text(e, "mRID"), new String[] {text(e, "name"), text(e, "unit"), text(e, "intervalLength")});
      }
    }
    List<ReadingRow> rows = new ArrayList<>();
    NodeList readings = doc.getElementsByTagNameNS(ns, "MeterReading");
    for (int m = 0; m < readings.getLength(); m++) {
      Element reading = (Element) readings.item(m);
      String meter = text((Element) reading.getElementsByTagNameNS(ns, "Meter").item(0), "mRID");
      Element block = (Element) reading.getElementsByTagNameNS(ns, "IntervalBlocks").item(0);
      String ref = ((Element) block.getElementsByTagNameNS(ns, "ReadingType").item(0)).getAttribute("ref");
      String[] type = types.get(ref);
      if (type == null) {
        throw new AssertionError("reading type " + ref + " is not listed in the document: "
            + xml.substring(Math.max(0, xml.length() - 600)));
      }
      NodeList intervals = block.getElementsByTagNameNS(ns, "IntervalReadings");
      for (int i = 0; i < intervals.getLength(); i++) {
        Element r = (Element) intervals.item(i);
        NodeList qualities = r.getElementsByTagNameNS(ns, "ReadingQualities");
        List<String> comments = new ArrayList<>();
        for (int q = 0; q < qualities.getLength(); q++) {
          comments.add(text((Element) qualities.item(q), "comment"));
        }
        // The status, when there is one, is the first quality; the flags follow.
        boolean hasStatus = !comments.isEmpty() && List.of("VAL", "EST", "NV", "NVE").contains(comments.get(0));
        rows.add(new ReadingRow(meter, type[0], text(r, "timeStamp"), new BigDecimal(text(r, "value")), type[1],
            hasStatus ? comments.get(0) : "", hasStatus ? comments.subList(1, comments.size()) : comments,
            text(r, "source"), Integer.parseInt(type[2]) / 60));
      }
    }
    return rows;
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(CimXmlReadingWriter.NAMESPACE, name).item(0).getTextContent();
  }

  /** Field by field; values compared as numbers (1E+3 and 1000 are the same value). */
  static void assertSameRows(List<ReadingRow> expected, List<ReadingRow> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      ReadingRow e = expected.get(i);
      ReadingRow a = actual.get(i);
      String where = "row " + i + " " + a;
      assertEquals(e.meterId(), a.meterId(), where);
      assertEquals(e.channel(), a.channel(), where);
      assertEquals(e.end(), a.end(), where);
      assertEquals(0, e.value().compareTo(a.value()), where);
      assertEquals(e.unit(), a.unit(), where);
      assertEquals(e.status(), a.status(), where);
      assertEquals(e.flags(), a.flags(), where);
      assertEquals(e.source(), a.source(), where);
      assertEquals(e.intervalMinutes(), a.intervalMinutes(), where);
    }
  }
}
