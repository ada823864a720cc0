package org.adcs.mdm.readside;

import static org.adcs.mdm.readside.ScheduleReadSideSchema.UNSCHEDULED;
import static org.adcs.mdm.readside.ScheduleReadSideSchema.bucket;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.store.BoundedSession;

/**
 * Keeps the scheduling read side up to date from a meter entity's events. Every write is idempotent
 * and ordered by the event's sequence number, used as the write timestamp: a replayed event writes
 * the same cells with the same timestamp, and an older event never overwrites a newer one. Arrival
 * and received-through facts carry their own time instead, so the earliest arrival and the latest
 * data win whatever the order (R-SCH-4, R-MIS-3).
 */
public final class ScheduleReadSideWriter {

  private final BoundedSession db;
  private final PreparedStatement inService;
  private final PreparedStatement addMember;
  private final PreparedStatement removeMember;
  private final PreparedStatement registeredSchedule;
  private final PreparedStatement assignedSchedule;
  private final PreparedStatement acknowledged;
  private final PreparedStatement currentSchedule;
  private final PreparedStatement arrival;
  private final PreparedStatement receivedThrough;
  private final PreparedStatement setSchedule;
  private final PreparedStatement cancelSchedule;

  public ScheduleReadSideWriter(BoundedSession db, String keyspace) {
    this.db = db;
    var s = db.session();
    String ks = keyspace + ".";
    inService = s.prepare("INSERT INTO " + ks + "meters_in_service (bucket, meter_id, registered_at) VALUES (?,?,?) USING TIMESTAMP ?");
    addMember = s.prepare("INSERT INTO " + ks + "meters_by_read_group (read_group, bucket, meter_id) VALUES (?,?,?) USING TIMESTAMP ?");
    removeMember = s.prepare("DELETE FROM " + ks + "meters_by_read_group USING TIMESTAMP ? WHERE read_group = ? AND bucket = ? AND meter_id = ?");
    registeredSchedule = s.prepare("INSERT INTO " + ks + "meter_default_schedule (meter_id, read_group, group_seq) VALUES (?,?,?)"
        + " USING TIMESTAMP ?");
    assignedSchedule = s.prepare("UPDATE " + ks + "meter_default_schedule USING TIMESTAMP ?"
        + " SET read_group = ?, read_time = ?, group_seq = ?, acknowledged_at = null WHERE meter_id = ?");
    acknowledged = s.prepare("UPDATE " + ks + "meter_default_schedule USING TIMESTAMP ? SET acknowledged_at = ? WHERE meter_id = ?");
    currentSchedule = s.prepare("SELECT read_group, group_seq FROM " + ks + "meter_default_schedule WHERE meter_id = ?");
    arrival = s.prepare("INSERT INTO " + ks + "scheduled_arrivals (meter_id, day, received_at) VALUES (?,?,?)");
    receivedThrough = s.prepare("INSERT INTO " + ks + "meter_received_through (meter_id, received_through) VALUES (?,?)"
        + " USING TIMESTAMP ?");
    setSchedule = s.prepare("INSERT INTO " + ks + "non_default_schedules (bucket, meter_id, schedule_id, starts_at, ends_at,"
        + " frequency_seconds, requested_by) VALUES (?,?,?,?,?,?,?) USING TIMESTAMP ?");
    cancelSchedule = s.prepare("DELETE FROM " + ks + "non_default_schedules USING TIMESTAMP ?"
        + " WHERE bucket = ? AND meter_id = ? AND schedule_id = ?");
  }

  /** A meter self-registered (R-SCH-1): in service, in the unscheduled group until the scheduler places it. */
  public CompletionStage<Void> registered(String meterId, Instant at, long seq) {
    int bucket = bucket(meterId);
    return all(List.of(
        db.executeAsync(inService.bind(bucket, meterId, at, seq).setIdempotent(true)),
        db.executeAsync(addMember.bind(UNSCHEDULED, bucket, meterId, seq).setIdempotent(true)),
        db.executeAsync(registeredSchedule.bind(meterId, UNSCHEDULED, seq, seq).setIdempotent(true))));
  }

  /**
   * The meter was given a default read time in a group (R-SCH-2, R-SCH-4): it leaves its previous
   * group. Completes with false when this event (or a newer one) was applied before.
   */
  public CompletionStage<Boolean> defaultScheduleAssigned(String meterId, int group, LocalTime readTime, long seq) {
    int bucket = bucket(meterId);
    return db.executeAsync(currentSchedule.bind(meterId)).thenCompose(rs -> {
      Row row = rs.one();
      int previous = row == null || row.isNull("read_group") ? UNSCHEDULED : row.getInt("read_group");
      long appliedSeq = row == null || row.isNull("group_seq") ? 0 : row.getLong("group_seq");
      if (appliedSeq >= seq) {
        return CompletableFuture.completedFuture(false);
      }
      List<CompletionStage<?>> writes = new ArrayList<>();
      if (previous != group) {
        writes.add(db.executeAsync(removeMember.bind(seq, previous, bucket, meterId).setIdempotent(true)));
      }
      writes.add(db.executeAsync(addMember.bind(group, bucket, meterId, seq).setIdempotent(true)));
      writes.add(db.executeAsync(assignedSchedule.bind(seq, group, readTime, seq, meterId).setIdempotent(true)));
      return all(writes).thenApply(done -> true);
    });
  }

  /** The meter acknowledged its default schedule (R-SCH-3); an acknowledgement of an older assignment loses to it. */
  public CompletionStage<Void> defaultScheduleAcknowledged(String meterId, Instant at, long seq) {
    return db.executeAsync(acknowledged.bind(seq, at, meterId).setIdempotent(true)).thenApply(rs -> null);
  }

  /** Scheduled data for these days arrived at {@code receivedAt} (R-SCH-4); the earliest arrival of a day counts. */
  public CompletionStage<Void> scheduledDataArrived(String meterId, Collection<LocalDate> days, Instant receivedAt) {
    List<CompletionStage<?>> writes = new ArrayList<>();
    for (LocalDate day : days) {
      writes.add(db.executeAsync(arrival.bind(meterId, day, receivedAt).setIdempotent(true)));
    }
    return all(writes);
  }

  /** Data up to {@code through} arrived (R-MIS-3); the write time is the data's, so only a later end moves it. */
  public CompletionStage<Void> dataReceivedThrough(String meterId, Instant through) {
    return db.executeAsync(receivedThrough.bind(meterId, through, micros(through)).setIdempotent(true)).thenApply(rs -> null);
  }

  /** A non-default schedule was set or updated (R-SCH-5). */
  public CompletionStage<Void> nonDefaultScheduleSet(StoredSchedule schedule, long seq) {
    return db.executeAsync(setSchedule.bind(bucket(schedule.meterId()), schedule.meterId(), schedule.scheduleId(), schedule.start(),
        schedule.end().orElse(null), schedule.frequency().toSeconds(), schedule.requestedBy(), seq).setIdempotent(true))
        .thenApply(rs -> null);
  }

  public CompletionStage<Void> nonDefaultScheduleCancelled(String meterId, String scheduleId, long seq) {
    return db.executeAsync(cancelSchedule.bind(seq, bucket(meterId), meterId, scheduleId).setIdempotent(true)).thenApply(rs -> null);
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  private static CompletionStage<Void> all(List<? extends CompletionStage<?>> stages) {
    return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new));
  }
}
