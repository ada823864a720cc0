package org.adcs.mdm.store;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.reading.MeterEventType;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.ReadingSource;

/**
 * Meter events (R-EV-2: every event stored with its timestamp), by meter and month and by type and
 * hour. Keyed by the meter's event sequence, so a re-delivered event is stored once.
 */
public final class EventStore {

  private final BoundedSession db;
  private final PreparedStatement byMeter;
  private final PreparedStatement byType;
  private final PreparedStatement meterMonth;

  public EventStore(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    byMeter = s.prepare("INSERT INTO " + keyspace + ".events_by_meter (meter_id, month, occurred_at, sequence,"
        + " event_type, code, source, received_at) VALUES (?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    byType = s.prepare("INSERT INTO " + keyspace + ".events_by_type (event_type, hour, occurred_at, meter_id,"
        + " sequence, code, source, received_at) VALUES (?,?,?,?,?,?,?,?) USING TIMESTAMP ?");
    meterMonth = s.prepare("SELECT * FROM " + keyspace + ".events_by_meter WHERE meter_id = ? AND month = ?"
        + " AND occurred_at >= ? AND occurred_at < ?");
  }

  public CompletionStage<Void> write(MeterEvent event) {
    long ts = StoreCodec.writeTime(event.receivedAt());
    var occurred = StoreCodec.wallClock(event.occurredAt());
    var hour = StoreCodec.wallClock(event.occurredAt().truncatedTo(ChronoUnit.HOURS));
    var a = db.executeAsync(byMeter.bind(event.meter().value(), month(event.occurredAt()), occurred, event.sequence(),
        event.type().name(), event.code(), event.source().name(), event.receivedAt(), ts).setIdempotent(true));
    var b = db.executeAsync(byType.bind(event.type().name(), hour, occurred, event.meter().value(), event.sequence(),
        event.code(), event.source().name(), event.receivedAt(), ts).setIdempotent(true));
    return CompletableFuture.allOf(a.toCompletableFuture(), b.toCompletableFuture());
  }

  /** A meter's events with {@code from <= occurredAt < to}, oldest first. */
  public CompletionStage<List<MeterEvent>> events(MeterId meter, LocalDateTime from, LocalDateTime to) {
    List<CompletableFuture<List<MeterEvent>>> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from); !m.atDay(1).atStartOfDay().isAfter(to.minusNanos(1)); m = m.plusMonths(1)) {
      months.add(db.executeAsync(meterMonth.bind(meter.value(), m.getYear() * 100 + m.getMonthValue(),
              StoreCodec.wallClock(from), StoreCodec.wallClock(to)))
          .thenApply(rs -> {
            List<MeterEvent> events = new ArrayList<>();
            for (Row row : rs.currentPage()) {
              events.add(new MeterEvent(meter, MeterEventType.valueOf(row.getString("event_type")), row.getInt("code"),
                  StoreCodec.meterTime(row.getInstant("occurred_at")), row.getLong("sequence"),
                  ReadingSource.valueOf(row.getString("source")), row.getInstant("received_at")));
            }
            return events;
          }).toCompletableFuture());
    }
    return CompletableFuture.allOf(months.toArray(CompletableFuture[]::new))
        .thenApply(done -> months.stream().flatMap(f -> f.join().stream()).toList());
  }

  static int month(LocalDateTime time) {
    return time.getYear() * 100 + time.getMonthValue();
  }
}
