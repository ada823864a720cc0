package org.adcs.headend.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ExtraSchedule;
import org.adcs.headend.meter.MeterState;

/**
 * One meter as operators see it (the console's meter page, the CLI's {@code meter show}): identity
 * and connection, read group and every schedule with the person or system that set it (R-SCH-5),
 * last contact, clock status (R-CLK-1) and the intervals held for its most recent days. Meter times
 * are on its standard time (R-COL-6); system times in UTC.
 */
final class MeterView {

  static final Set<Integer> INTERVAL_MINUTES = new TreeSet<>(Meter.INTERVAL_LENGTHS);
  /** Days of collected intervals shown: a week is what an operator's morning question spans. */
  private static final int RECENT_DAYS = 7;

  private final ObjectMapper json;
  private final ZoneOffset standardTime;

  MeterView(ObjectMapper json, ZoneOffset standardTime) {
    this.json = json;
    this.standardTime = standardTime;
  }

  ObjectNode of(String meterId, MeterState state) {
    ObjectNode meter = json.createObjectNode();
    meter.put("meterId", meterId);
    var registration = state.registration();
    meter.put("serial", registration.serial());
    meter.put("logicalDeviceName", registration.logicalDeviceName());
    meter.put("protocol", registration.protocol());
    ObjectNode connection = meter.putObject("connection");
    connection.put("kind", registration.connection().name());
    if (registration.address() != null) {
      connection.put("address", registration.address());
    }
    connection.put("inContact", state.session() != null);
    putInstant(meter, "lastContact", state.lastContact());
    if (state.readGroup() == MeterState.UNSCHEDULED) {
      meter.putNull("readGroup");
    } else {
      meter.put("readGroup", state.readGroup());
    }
    meter.put("intervalMinutes", state.intervalMinutes());
    meter.put("readFailures", state.readFailures());

    ObjectNode schedules = meter.putObject("schedules");
    var defaultSchedule = state.defaultSchedule();
    if (defaultSchedule == null) {
      schedules.putNull("default");
    } else {
      schedules.putObject("default").put("readGroup", defaultSchedule.readGroup())
          .put("readTime", defaultSchedule.readTime().toString()).put("setBy", defaultSchedule.setBy())
          .put("acknowledged", defaultSchedule.acknowledged());
    }
    var extra = schedules.putArray("nonDefault");
    for (ExtraSchedule s : state.extraSchedules().values()) {
      ObjectNode row = extra.addObject().put("scheduleId", s.id()).put("start", s.start().toString());
      row.put("end", s.end() == null ? null : s.end().toString());
      row.put("frequency", s.frequency().toString()).put("from", s.from() == null ? null : s.from().toString());
      row.put("until", s.until() == null ? null : s.until().toString());
      row.put("setBy", s.setBy()).put("reason", s.reason()).put("acknowledged", s.acknowledged()).put("slot", s.slot());
    }

    ObjectNode clock = meter.putObject("clock");
    putInstant(clock, "lastChecked", state.clock().lastChecked());
    if (state.clock().lastDrift() == null) {
      clock.putNull("lastDriftSeconds");
    } else {
      clock.put("lastDriftSeconds", state.clock().lastDrift().toMillis() / 1000.0);
    }
    clock.put("needsAttention", state.clock().needsAttention());

    ObjectNode collected = meter.putObject("collected");
    LocalDate today = LocalDate.now(standardTime);
    state.collected().channels().keySet().forEach(channel -> {
      var days = collected.putArray(channel);
      for (int back = RECENT_DAYS - 1; back >= 0; back--) {
        LocalDate day = today.minusDays(back);
        days.addObject().put("day", day.toString()).put("intervals", state.collected().count(channel, day));
      }
    });
    return meter;
  }

  private static void putInstant(ObjectNode node, String field, Instant at) {
    if (at == null) {
      node.putNull(field);
    } else {
      node.put(field, at.toString());
    }
  }
}
