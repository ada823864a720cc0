package org.adcs.mdm.usage;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.reading.RegisterRead;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.store.RegisterStore;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * Usage history from the MDM store. Calls block (a history is assembled on a thread that may block);
 * a year's days are asked for together, the store session bounding how many run at once.
 */
public final class StoreUsageSource implements UsageSource {

  private final IntervalStore intervals;
  private final RegisterStore registers;
  private final Duration timeout;

  public StoreUsageSource(IntervalStore intervals, RegisterStore registers, Duration timeout) {
    this.intervals = intervals;
    this.registers = registers;
    this.timeout = timeout;
  }

  @Override
  public List<ValidatedDay> days(MeterId meter, Channel channel, LocalDate from, LocalDate to) {
    List<CompletableFuture<Optional<ValidatedDay>>> pending = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      pending.add(intervals.validatedAsOf(meter, channel, d, Long.MAX_VALUE).toCompletableFuture());
    }
    List<ValidatedDay> days = new ArrayList<>();
    for (CompletableFuture<Optional<ValidatedDay>> day : pending) {
      await(day).ifPresent(days::add);
    }
    return days;
  }

  @Override
  public Optional<RegisterRead> read(MeterId meter, Channel channel, LocalDateTime at) {
    return await(registers.readAt(meter, channel, at).toCompletableFuture());
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading usage history", e);
    } catch (Exception e) {
      throw new IllegalStateException("usage history could not be read from the store: " + e.getMessage(), e);
    }
  }
}
