package org.adcs.scheduler.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import org.adcs.scheduler.readside.NonDefaultScheduleReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;
import org.adcs.scheduler.readside.ScheduledMeter;

/** Non-default schedules in memory; {@link #received} moves a meter's data forward as a store would on ingest. */
public final class InMemoryNonDefaultScheduleReadSide implements NonDefaultScheduleReadSide {

  private final ConcurrentSkipListMap<String, ScheduledMeter> meters = new ConcurrentSkipListMap<>();

  public InMemoryNonDefaultScheduleReadSide put(ScheduledMeter meter) {
    meters.put(meter.meterId(), meter);
    return this;
  }

  public void received(String meterId, Instant through) {
    meters.computeIfPresent(meterId, (id, m) -> new ScheduledMeter(id, m.schedule(), Optional.of(through)));
  }

  @Override
  public CompletionStage<Page<ScheduledMeter>> activeSchedules(Instant at, PageRequest page) {
    var tail = page.after().isPresent() ? meters.tailMap(page.after().get(), false) : meters;
    List<ScheduledMeter> rows = new ArrayList<>();
    for (ScheduledMeter m : tail.values()) {
      boolean active = !m.schedule().start().isAfter(at) && m.schedule().end().map(end -> end.isAfter(at)).orElse(true);
      if (!active) {
        continue;
      }
      if (rows.size() == page.limit()) {
        return CompletableFuture.completedFuture(new Page<>(rows, Optional.of(rows.get(rows.size() - 1).meterId())));
      }
      rows.add(m);
    }
    return CompletableFuture.completedFuture(new Page<>(rows, Optional.empty()));
  }
}
