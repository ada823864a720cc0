package org.adcs.headend.api.specialreads;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.adcs.mdm.specialread.MeterReads;
import org.adcs.mdm.specialread.SpecialRead;
import org.adcs.mdm.specialread.SpecialReadKind;

/**
 * A special read as the API takes it: {@code sdpId, kind, readAt, meter, registers} (channel name to
 * cumulative value), for a change-out {@code installedMeter, installedRegisters}, for a read-cycle or
 * tariff change {@code newValue}. Checked field by field with a message that names the field.
 */
final class SpecialReadBody {

  static final Set<String> FIELDS = Set.of("sdpId", "kind", "readAt", "meter", "registers", "installedMeter",
      "installedRegisters", "newValue");
  static final int MAX_REGISTERS = 64;

  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message);
    }
  }

  private SpecialReadBody() {}

  static SpecialRead parse(JsonNode body, Instant postedAt) {
    String sdpId = text(body, "sdpId", 64);
    String kindName = text(body, "kind", 32);
    SpecialReadKind kind = SpecialReadKind.fromWire(kindName).orElseThrow(() -> new Invalid("kind must be one of "
        + java.util.Arrays.stream(SpecialReadKind.values()).map(SpecialReadKind::wireName).toList()));
    Instant readAt;
    try {
      readAt = Instant.parse(text(body, "readAt", 40));
    } catch (DateTimeParseException e) {
      throw new Invalid("readAt must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
    }
    MeterReads reads = reads(body, "meter", "registers");
    Optional<MeterReads> installed = body.has("installedMeter") || body.has("installedRegisters")
        ? Optional.of(reads(body, "installedMeter", "installedRegisters")) : Optional.empty();
    Optional<String> newValue = body.has("newValue") ? Optional.of(text(body, "newValue", 64)) : Optional.empty();
    return new SpecialRead(UUID.randomUUID(), sdpId, kind, readAt, reads, installed, newValue, postedAt);
  }

  private static MeterReads reads(JsonNode body, String meterField, String registersField) {
    String meter = text(body, meterField, 64);
    JsonNode registers = body.get(registersField);
    if (registers == null || !registers.isObject() || registers.isEmpty() || registers.size() > MAX_REGISTERS) {
      throw new Invalid(registersField + " must be an object of 1 to " + MAX_REGISTERS
          + " channel names to cumulative values");
    }
    Map<String, Long> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = registers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().matches("[a-z][a-z0-9-]{0,31}")) {
        throw new Invalid(registersField + " names channels in lower-case letters, digits and '-'");
      }
      if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
        throw new Invalid(registersField + "." + e.getKey() + " must be a whole non-negative number");
      }
      values.put(e.getKey(), e.getValue().asLong());
    }
    return new MeterReads(meter, values);
  }

  private static String text(JsonNode body, String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank() || node.asText().length() > max) {
      throw new Invalid(field + " must be text of 1 to " + max + " characters");
    }
    return node.asText();
  }

  static Map<String, Object> describe(SpecialRead r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id().toString());
    m.put("sdpId", r.sdpId());
    m.put("kind", r.kind().wireName());
    m.put("readAt", r.readAt().toString());
    m.put("meter", r.reads().meter());
    m.put("registers", r.reads().registers());
    r.installed().ifPresent(i -> {
      m.put("installedMeter", i.meter());
      m.put("installedRegisters", i.registers());
    });
    r.newValue().ifPresent(v -> m.put("newValue", v));
    m.put("postedAt", r.postedAt().toString());
    return m;
  }
}
