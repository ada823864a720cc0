package org.adcs.scheduler.fakes;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.adcs.scheduler.port.MeterPort;
import org.adcs.scheduler.port.NonDefaultSchedule;
import org.adcs.scheduler.port.ReadOutcome;
import org.adcs.scheduler.port.ReadRequest;
import org.adcs.scheduler.port.ScheduleAck;
import org.adcs.scheduler.port.ScheduleVerification;

/**
 * An in-memory meter port for tests. Reads and schedule writes are answered at once by the given
 * responders, or, when a responder returns null, parked until the test completes them by hand.
 */
public final class FakeMeterPort implements MeterPort {

  public record ParkedRead(ReadRequest request, CompletableFuture<ReadOutcome> answer) {}

  public record ScheduleWrite(String meterId, LocalTime readTime) {}

  private final Function<ReadRequest, ReadOutcome> reads;
  private final Function<ScheduleWrite, ScheduleAck> writes;
  private final BlockingQueue<ParkedRead> parked = new LinkedBlockingQueue<>();
  private final List<ReadRequest> readLog = new CopyOnWriteArrayList<>();
  private final List<ScheduleWrite> writeLog = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> readsPerMeter = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final java.util.Set<String> schedulesNotSet = ConcurrentHashMap.newKeySet();
  private final List<String> nonDefaultWrites = new CopyOnWriteArrayList<>();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  public FakeMeterPort(Function<ReadRequest, ReadOutcome> reads, Function<ScheduleWrite, ScheduleAck> writes) {
    this.reads = reads;
    this.writes = writes;
  }

  /** Every read parks; every schedule write is acknowledged. */
  public static FakeMeterPort parking() {
    return new FakeMeterPort(r -> null, w -> new ScheduleAck.Acknowledged(w.meterId(), Instant.EPOCH));
  }

  public static ReadOutcome.Collected fullAnswer(ReadRequest r, int intervalsPerRange) {
    return new ReadOutcome.Collected(r.meterId(), intervalsPerRange, intervalsPerRange, "fake:" + r.meterId());
  }

  @Override
  public CompletionStage<ReadOutcome> read(ReadRequest request) {
    readLog.add(request);
    readsPerMeter.computeIfAbsent(request.meterId(), k -> new AtomicInteger()).incrementAndGet();
    ReadOutcome immediate = reads.apply(request);
    if (immediate != null) {
      return CompletableFuture.completedFuture(immediate);
    }
    var answer = new CompletableFuture<ReadOutcome>();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    parked.add(new ParkedRead(request, answer));
    // The caller sees the answer only after the count went down, so the count never lags.
    return answer.whenComplete((a, e) -> inFlight.decrementAndGet());
  }

  @Override
  public CompletionStage<ScheduleAck> setDefaultSchedule(String meterId, LocalTime readTime) {
    var write = new ScheduleWrite(meterId, readTime);
    writeLog.add(write);
    ScheduleAck ack = writes.apply(write);
    return ack == null ? new CompletableFuture<>() : CompletableFuture.completedFuture(ack);
  }

  /** The meter has lost its non-default schedule: verification says so until it is written again. */
  public FakeMeterPort scheduleNotSetIn(String meterId) {
    schedulesNotSet.add(meterId);
    return this;
  }

  @Override
  public CompletionStage<ScheduleAck> setNonDefaultSchedule(String meterId, NonDefaultSchedule schedule) {
    nonDefaultWrites.add(meterId);
    schedulesNotSet.remove(meterId);
    return CompletableFuture.completedFuture(new ScheduleAck.Acknowledged(meterId, schedule.start()));
  }

  @Override
  public CompletionStage<ScheduleVerification> verifySchedule(String meterId, String scheduleId) {
    return CompletableFuture.completedFuture(new ScheduleVerification(meterId, scheduleId, !schedulesNotSet.contains(meterId)));
  }

  public List<String> nonDefaultWrites() {
    return List.copyOf(nonDefaultWrites);
  }

  /** The next parked read, waiting up to 5 s for it to arrive (a wait for an event, not a sleep). */
  public ParkedRead nextParked() {
    try {
      ParkedRead read = parked.poll(5, TimeUnit.SECONDS);
      if (read == null) {
        throw new AssertionError("no read reached the meter port within 5 s");
      }
      return read;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public int parkedCount() {
    return parked.size();
  }

  public List<ReadRequest> reads() {
    return List.copyOf(readLog);
  }

  public List<ScheduleWrite> writes() {
    return List.copyOf(writeLog);
  }

  public int readsOf(String meterId) {
    AtomicInteger n = readsPerMeter.get(meterId);
    return n == null ? 0 : n.get();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }
}
