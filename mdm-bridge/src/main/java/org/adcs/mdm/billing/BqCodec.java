package org.adcs.mdm.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Responses as plain maps (the API's and the mailbox's JSON) and as JSON text for the store; plain
 * maps keep the stored form independent of class layout. Quantities are decimal numbers, never floats.
 */
public final class BqCodec {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private BqCodec() {}

  public static Map<String, Object> fields(BqResponse r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requestId", r.requestId());
    m.put("sdpId", r.sdpId());
    m.put("billingAgent", r.requester());
    m.put("periodStart", r.from().toString());
    m.put("periodEnd", r.to().toString());
    m.put("versionTime", r.versionTime().toString());
    m.put("complete", r.complete());
    List<Map<String, Object>> parts = new ArrayList<>();
    for (BqPart p : r.parts()) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("from", p.from().toString());
      part.put("to", p.to().toString());
      part.put("framing", p.framing());
      part.put("season", p.season());
      part.put("account", p.account());
      part.put("meter", p.meter());
      part.put("status", p.status().name());
      part.put("reason", p.reason());
      List<Map<String, Object>> quantities = new ArrayList<>();
      for (Quantity q : p.quantities()) {
        Map<String, Object> qm = new LinkedHashMap<>();
        qm.put("bin", q.bin());
        qm.put("from", q.from().toString());
        qm.put("to", q.to().toString());
        qm.put("value", q.value());
        qm.put("unit", q.unit());
        quantities.add(qm);
      }
      part.put("quantities", quantities);
      parts.add(part);
    }
    m.put("parts", parts);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static BqResponse response(Map<String, Object> m) {
    List<BqPart> parts = new ArrayList<>();
    for (Map<String, Object> part : (List<Map<String, Object>>) m.get("parts")) {
      List<Quantity> quantities = new ArrayList<>();
      for (Map<String, Object> q : (List<Map<String, Object>>) part.get("quantities")) {
        quantities.add(new Quantity((String) q.get("bin"), Instant.parse((String) q.get("from")),
            Instant.parse((String) q.get("to")), new BigDecimal(q.get("value").toString()), (String) q.get("unit")));
      }
      parts.add(new BqPart(Instant.parse((String) part.get("from")), Instant.parse((String) part.get("to")),
          (String) part.get("framing"), (String) part.get("season"), (String) part.get("account"),
          (String) part.get("meter"), BqStatus.valueOf((String) part.get("status")), (String) part.get("reason"),
          quantities));
    }
    return new BqResponse((String) m.get("requestId"), (String) m.get("sdpId"), (String) m.get("billingAgent"),
        Instant.parse((String) m.get("periodStart")), Instant.parse((String) m.get("periodEnd")),
        Instant.parse((String) m.get("versionTime")), parts);
  }

  public static String json(Object fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings and numbers always write as JSON", e);
    }
  }

  static BqResponse read(String json) {
    try {
      return response(JSON.readValue(json, MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored billing quantity response does not read back", e);
    }
  }
}
