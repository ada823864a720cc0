package org.adcs.mdm.masterdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Timelines, reports and held sets as JSON text for the store, and reports as the plain maps the API
 * renders. Plain maps keep the stored form independent of class layout.
 */
public final class MasterDataCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private MasterDataCodec() {}

  static String periods(ServicePointTimeline timeline) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Period p : timeline.periods()) {
      out.add(new SyncRecord(SyncRecord.Action.UPSERT, p.state(), p.from(), p.to()).fields());
    }
    return write(out);
  }

  static ServicePointTimeline timeline(String sdpId, String periods) {
    List<Period> result = new ArrayList<>();
    for (Map<String, Object> fields : read(periods, LIST)) {
      if (SyncRecord.parse(0, fields) instanceof SyncRecord.Valid v) {
        result.add(v.record().period());
      } else {
        throw new IllegalStateException("stored period of " + sdpId + " does not read back: " + fields);
      }
    }
    return new ServicePointTimeline(sdpId, result);
  }

  static String records(List<SyncRecord> records) {
    return write(records.stream().map(SyncRecord::fields).toList());
  }

  static List<SyncRecord> records(String text) {
    List<SyncRecord> result = new ArrayList<>();
    for (Map<String, Object> fields : read(text, LIST)) {
      if (SyncRecord.parse(0, fields) instanceof SyncRecord.Valid v) {
        result.add(v.record());
      }
    }
    return result;
  }

  static String invalid(List<SyncRecord.Invalid> invalid) {
    return write(invalid.stream().map(i -> Map.<String, Object>of("index", i.index(), "sdpId", i.sdpId(),
        "reason", i.reason())).toList());
  }

  static List<SyncRecord.Invalid> invalid(String text) {
    return read(text, LIST).stream().map(m -> new SyncRecord.Invalid(((Number) m.get("index")).intValue(),
        (String) m.get("sdpId"), (String) m.get("reason"))).toList();
  }

  /** The report as the API shows it and the store keeps it. */
  public static Map<String, Object> report(SyncReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().toString());
    m.put("source", r.source());
    m.put("sequence", r.sequence());
    m.put("kind", r.kind().name());
    m.put("status", r.status().name());
    m.put("receivedAt", r.receivedAt().toString());
    r.completedAt().ifPresent(t -> m.put("completedAt", t.toString()));
    r.duplicateOf().ifPresent(d -> m.put("duplicateOf", d.toString()));
    m.put("appliedCount", r.applied().size());
    m.put("exceptionCount", r.exceptions().size());
    m.put("applied", r.applied().stream().map(a -> Map.of("index", a.index(), "sdpId", a.sdpId(),
        "action", a.action())).toList());
    m.put("exceptions", r.exceptions().stream().map(e -> Map.of("index", e.index(), "sdpId", e.sdpId(),
        "reason", e.reason())).toList());
    m.put("fingerprint", r.fingerprint());
    return m;
  }

  @SuppressWarnings("unchecked")
  static SyncReport report(String text) {
    Map<String, Object> m = read(text, MAP);
    List<SyncReport.Applied> applied = ((List<Map<String, Object>>) m.get("applied")).stream()
        .map(a -> new SyncReport.Applied(((Number) a.get("index")).intValue(), (String) a.get("sdpId"),
            (String) a.get("action"))).toList();
    List<SyncReport.SyncException> exceptions = ((List<Map<String, Object>>) m.get("exceptions")).stream()
        .map(e -> new SyncReport.SyncException(((Number) e.get("index")).intValue(), (String) e.get("sdpId"),
            (String) e.get("reason"))).toList();
    return new SyncReport(UUID.fromString((String) m.get("id")), (String) m.get("source"),
        ((Number) m.get("sequence")).longValue(), SyncSet.Kind.valueOf((String) m.get("kind")),
        SyncReport.Status.valueOf((String) m.get("status")), Instant.parse((String) m.get("receivedAt")),
        Optional.ofNullable((String) m.get("completedAt")).map(Instant::parse), applied, exceptions,
        Optional.ofNullable((String) m.get("duplicateOf")).map(UUID::fromString), (String) m.get("fingerprint"));
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always write as JSON", e);
    }
  }

  private static <T> T read(String text, TypeReference<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored master data is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
