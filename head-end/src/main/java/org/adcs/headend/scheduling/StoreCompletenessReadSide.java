package org.adcs.headend.scheduling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.adcs.mdm.readside.BoundedFanOut;
import org.adcs.mdm.readside.ChannelDayCompleteness;
import org.adcs.mdm.readside.MeterInService;
import org.adcs.mdm.readside.ReceivedIntervals;
import org.adcs.mdm.readside.ScheduleReadSideQueries;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.completeness.IntervalGrid;
import org.adcs.scheduler.completeness.IntervalSet;
import org.adcs.scheduler.completeness.MeterCompleteness;
import org.adcs.scheduler.readside.CompletenessReadSide;
import org.adcs.scheduler.readside.Page;
import org.adcs.scheduler.readside.PageRequest;

/**
 * Daily completeness of every meter in service (R-COL-3, R-MIS-1, R-MIS-2) from the store's
 * completeness-by-meter table, one page of meters from the in-service list at a time, so meters
 * without any data are listed too. A day is complete when every channel the meter delivered in the
 * window has all its intervals; for a day with some data, the intervals that came (on every channel)
 * are read from the raw deliveries so recovery asks only for the rest. Days before the meter
 * registered are not owed and count as complete.
 */
public final class StoreCompletenessReadSide implements CompletenessReadSide {

  private final ScheduleReadSideQueries queries;
  private final IntervalGrid grid;

  public StoreCompletenessReadSide(ScheduleReadSideQueries queries, IntervalGrid grid) {
    this.queries = queries;
    this.grid = grid;
  }

  @Override
  public CompletionStage<Page<MeterCompleteness>> completeness(LocalDate lastDay, int span, PageRequest page) {
    return queries.metersInService(page.after(), page.limit()).thenCompose(meters ->
        BoundedFanOut.map(meters.rows(), StoreReadGroupReadSide.PARALLELISM, meter -> of(meter, lastDay, span))
            .thenApply(rows -> new Page<>(rows, meters.continueAfter())));
  }

  private CompletionStage<MeterCompleteness> of(MeterInService meter, LocalDate lastDay, int span) {
    LocalDate firstDay = lastDay.minusDays(span - 1L);
    return queries.completeness(meter.meterId(), firstDay, lastDay).thenCompose(rows -> {
      TreeSet<String> channels = new TreeSet<>();
      Map<LocalDate, List<ChannelDayCompleteness>> byDay = new HashMap<>();
      for (ChannelDayCompleteness row : rows) {
        channels.add(row.channel());
        byDay.computeIfAbsent(row.day(), d -> new ArrayList<>()).add(row);
      }
      LocalDate owedFrom = meter.registeredAt() == null ? firstDay : LocalDate.ofInstant(meter.registeredAt(), grid.standardOffset());
      DaySet complete = DaySet.none(lastDay, span);
      List<LocalDate> someData = new ArrayList<>();
      for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
        List<ChannelDayCompleteness> ofDay = byDay.getOrDefault(day, List.of());
        if (day.isBefore(owedFrom)) {
          complete = complete.with(day);
        } else if (!ofDay.isEmpty() && ofDay.size() == channels.size() && ofDay.stream().allMatch(ChannelDayCompleteness::complete)) {
          complete = complete.with(day);
        } else if (!ofDay.isEmpty()) {
          someData.add(day);
        }
      }
      DaySet known = complete;
      return BoundedFanOut.map(someData, 4, day -> receivedOnEveryChannel(meter.meterId(), channels, day))
          .thenApply(received -> {
            DaySet days = known;
            Map<LocalDate, IntervalSet> partial = new TreeMap<>();
            for (int i = 0; i < someData.size(); i++) {
              IntervalSet got = received.get(i);
              if (got.isComplete()) {
                days = days.with(someData.get(i));
              } else if (got.received() > 0) {
                partial.put(someData.get(i), got);
              }
            }
            return new MeterCompleteness(meter.meterId(), days, partial);
          });
    });
  }

  /** The grid intervals of a day that came on every channel. */
  private CompletionStage<IntervalSet> receivedOnEveryChannel(String meterId, TreeSet<String> channels, LocalDate day) {
    return BoundedFanOut.map(List.copyOf(channels), 2, channel -> queries.receivedIntervals(meterId, channel, day))
        .thenApply(perChannel -> {
          BitSet onAll = new BitSet();
          onAll.set(0, grid.intervalsPerDay());
          for (Optional<ReceivedIntervals> channel : perChannel) {
            onAll.and(channel.map(this::onGrid).orElseGet(BitSet::new));
          }
          return IntervalSet.fromWords(grid.intervalsPerDay(), Arrays.copyOf(onAll.toLongArray(), (grid.intervalsPerDay() + 63) / 64));
        });
  }

  /** A grid interval came when every stored interval overlapping it came (meters may record finer or coarser). */
  BitSet onGrid(ReceivedIntervals received) {
    int gridMinutes = (int) grid.interval().toMinutes();
    int stored = received.intervalMinutes();
    BitSet present = received.present();
    BitSet onGrid = new BitSet(grid.intervalsPerDay());
    for (int g = 0; g < grid.intervalsPerDay(); g++) {
      int from = g * gridMinutes / stored;
      int to = ((g + 1) * gridMinutes + stored - 1) / stored;
      if (present.nextClearBit(from) >= to) {
        onGrid.set(g);
      }
    }
    return onGrid;
  }
}
