package org.adcs.scheduler.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;

/** Meters that answer every read after a fixed latency, as over a cellular network. */
final class SlowMeterPort implements MeterPort, AutoCloseable {

  private final long latencyMillis;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "slow-meters");
    t.setDaemon(true);
    return t;
  });

  SlowMeterPort(Duration latency) {
    this.latencyMillis = latency.toMillis();
  }

  @Override
  public CompletionStage<ReadOutcome> read(ReadRequest request) {
    var answer = new CompletableFuture<ReadOutcome>();
    int intervals = (int) (request.range().length().toMinutes() / 15);
    timer.schedule(() -> answer.complete(new ReadOutcome.Collected(request.meterId(), intervals, intervals, "slow")),
        latencyMillis, TimeUnit.MILLISECONDS);
    return answer;
  }

  @Override
  public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
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

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
