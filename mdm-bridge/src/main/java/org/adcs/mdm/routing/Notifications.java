package org.adcs.mdm.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.vee.IntervalStatus;
import org.adcs.mdm.vee.ValidatedDay;

/** The JSON documents subscribers receive: meter events (R-EV-2) and validated readings (R-COL-2). */
final class Notifications {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Notifications() {}

  static OutboxEntry event(UUID subscription, MeterEvent event) {
    String item = "event:" + event.sequence();
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", "event");
    node.put("key", event.meter().value() + ":" + item);
    node.put("meterId", event.meter().value());
    node.put("sequence", event.sequence());
    node.put("type", event.type().name());
    node.put("code", event.code());
    node.put("occurredAt", event.occurredAt().toString());
    node.put("receivedAt", event.receivedAt().toString());
    node.put("source", event.source().name());
    return new OutboxEntry(subscription, event.receivedAt(), event.meter().value(), item, OutboxEntry.Kind.EVENT,
        node.toString(), false, 0);
  }

  /** A validated day for real-time recipients: intervals in the meter's standard time, with status. */
  static OutboxEntry reading(UUID subscription, ValidatedDay day) {
    String item = "reading:" + day.channel().name() + ":" + day.day() + ":v" + day.version();
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", "reading");
    node.put("key", day.meter().value() + ":" + item);
    node.put("meterId", day.meter().value());
    node.put("channel", day.channel().name());
    node.put("unit", day.channel().unit());
    node.put("day", day.day().toString());
    node.put("intervalMinutes", day.intervalMinutes());
    node.put("scale", day.scale());
    node.put("version", day.version());
    node.put("source", day.source().name());
    node.put("readAt", day.readAt().toString());
    node.put("postedAt", day.postedAt().toString());
    node.put("billableTotal", day.billableTotal());
    ArrayNode values = node.putArray("values");
    ArrayNode status = node.putArray("status");
    for (int i = 0; i < day.intervalCount(); i++) {
      values.add(day.value(i));
      status.add(day.status(i).code());
    }
    node.put("estimated", day.count(IntervalStatus.ESTIMATED));
    node.put("needsVerify", day.count(IntervalStatus.NEEDS_VERIFY));
    return new OutboxEntry(subscription, day.postedAt(), day.meter().value(), item, OutboxEntry.Kind.READING,
        node.toString(), false, 0);
  }
}
