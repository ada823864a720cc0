package org.adcs.scheduler.benchmark;

import java.time.Instant;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;

/**
 * Meters that answer at once and keep only counts, so the benchmark measures the scheduler. Every
 * 50th meter (by id hash) never answers a read.
 */
final class InstantMeterPort implements MeterPort {

  private final LongAdder reads = new LongAdder();
  private final LongAdder writes = new LongAdder();

  @Override
  public CompletionStage<ReadOutcome> read(ReadRequest request) {
    reads.increment();
    if (Math.floorMod(request.meterId().hashCode(), 50) == 0) {
      return CompletableFuture.completedFuture(new ReadOutcome.Failed(request.meterId(), "no answer"));
    }
    int intervals = (int) (request.range().length().toMinutes() / 15);
    return CompletableFuture.completedFuture(new ReadOutcome.Collected(request.meterId(), intervals, intervals, "bench"));
  }

  @Override
  public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
    writes.increment();
    return CompletableFuture.completedFuture(new ScheduleAck.Acknowledged(meterId, Instant.EPOCH));
  }

  @Override
  public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
    throw new UnsupportedOperationException("not part of the benchmark");
  }

  @Override
  public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
    throw new UnsupportedOperationException("not part of the benchmark");
  }

  long reads() {
    return reads.sum();
  }

  long writes() {
    return writes.sum();
  }
}
