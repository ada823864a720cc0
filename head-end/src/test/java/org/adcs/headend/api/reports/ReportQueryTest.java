package org.adcs.headend.api.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.headers.RawHeader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

  private static ReportQuery query(String uri, String accept) {
    HttpRequest request = HttpRequest.GET(uri);
    if (accept != null) {
      request = request.addHeader(RawHeader.create("Accept", accept));
    }
    return ReportQuery.of(request);
  }

  @Test
  void formatComesFromTheParameterThenTheAcceptHeader() throws Exception {
    assertEquals(ReportQuery.Format.JSON, query("/r", null).format());
    assertEquals(ReportQuery.Format.CSV, query("/r", "text/csv").format());
    assertEquals(ReportQuery.Format.JSON, query("/r", "text/csv, application/json").format());
    assertEquals(ReportQuery.Format.JSON, query("/r?format=JSON", "text/csv").format());
    assertEquals(ReportQuery.Format.CSV, query("/r?format=csv", null).format());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?format=xml", null).format());
  }

  @Test
  void aPeriodNeedsBothEndsInOrderAndAtMostAQuarter() throws Exception {
    ReportQuery.Period p = query("/r?from=2026-01-01&to=2026-04-02", null).period(); // 92 days
    assertEquals(LocalDate.of(2026, 4, 2), p.to());
    ReportQuery.Invalid tooLong = assertThrows(ReportQuery.Invalid.class, () -> query("/r?from=2026-01-01&to=2026-04-03", null).period());
    assertTrue(tooLong.getMessage().contains("at most 92 days"), tooLong.getMessage());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?from=2026-01-02&to=2026-01-01", null).period());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?to=2026-01-01", null).period());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?from=2026-13-01&to=2026-01-01", null).period());
  }

  @Test
  void pagesChoicesAndRepeatedParametersAreChecked() throws Exception {
    assertEquals(0, query("/r", null).offset());
    assertEquals(ReportQuery.DEFAULT_LIMIT, query("/r", null).limit());
    assertEquals(250, query("/r?limit=250&offset=10", null).limit());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?limit=10001", null).limit());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?offset=-1", null).offset());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?offset=ten", null).offset());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?limit=1&limit=2", null).limit());
    assertEquals("WEEK", query("/r?age=Week", null).choice("age", List.of("day", "week"), String::toUpperCase).orElseThrow());
    assertThrows(ReportQuery.Invalid.class, () -> query("/r?age=month", null).choice("age", List.of("day", "week"), s -> s));
  }
}
