package org.adcs.mdm.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.adcs.mdm.masterdata.MasterDataStore;
import org.adcs.mdm.masterdata.Period;
import org.adcs.mdm.reading.Channel;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.store.IntervalStore;
import org.adcs.mdm.vee.ValidatedDay;

/**
 * The validated days a party receives: those of the service points whose billing agent it is (R-MD-1,
 * R-OPS-2) on the day in question, for the channels set up there, in their newest version, when that
 * version was posted in the window. Days up to {@code lookbackDays} before the file's day are looked at,
 * so late data and reposted days are delivered when they are posted.
 */
public final class StoredPostedData implements PostedData, CurrentData {

  /** Units come from the stored day; the channel is looked up by name. */
  private static final String ANY_UNIT = "Wh";

  private final MasterDataStore masterData;
  private final IntervalStore intervals;
  private final ZoneOffset standardTime;
  private final int lookbackDays;

  public StoredPostedData(MasterDataStore masterData, IntervalStore intervals, ZoneOffset standardTime,
      int lookbackDays) {
    if (lookbackDays < 1 || lookbackDays > 62) {
      throw new IllegalArgumentException("the market look-back is 1 to 62 days, found " + lookbackDays);
    }
    this.masterData = masterData;
    this.intervals = intervals;
    this.standardTime = standardTime;
    this.lookbackDays = lookbackDays;
  }

  @Override
  public List<MarketDay> posted(String party, LocalDate throughDay, Instant after, Instant upTo) {
    List<MarketDay> result = new ArrayList<>();
    for (String sdp : masterData.servicePointIds()) {
      var timeline = masterData.timeline(sdp);
      if (timeline.isEmpty()) {
        continue;
      }
      for (LocalDate day = throughDay.minusDays(lookbackDays - 1); !day.isAfter(throughDay); day = day.plusDays(1)) {
        Instant start = day.atStartOfDay().toInstant(standardTime);
        Instant end = day.plusDays(1).atStartOfDay().toInstant(standardTime);
        for (Period period : timeline.get().periods()) {
          var state = period.state();
          if (!period.overlaps(start, end) || !party.equals(state.billingAgent())) {
            continue;
          }
          result.addAll(posted(sdp, state.meter(), channels(state.channels()), day, after, upTo));
        }
      }
    }
    // Two periods of one service point on the same day name the same days once.
    return result.stream().distinct().toList();
  }

  @Override
  public List<String> servicePoints(String party, LocalDate from, LocalDate to) {
    Instant start = from.atStartOfDay().toInstant(standardTime);
    Instant end = to.atStartOfDay().toInstant(standardTime);
    List<String> result = new ArrayList<>();
    for (String sdp : masterData.servicePointIds()) {
      var timeline = masterData.timeline(sdp);
      if (timeline.isPresent() && timeline.get().periods().stream()
          .anyMatch(p -> p.overlaps(start, end) && party.equals(p.state().billingAgent()))) {
        result.add(sdp);
      }
    }
    return result;
  }

  @Override
  public List<MarketDay> current(String party, String servicePoint, LocalDate from, LocalDate to) {
    var timeline = masterData.timeline(servicePoint);
    if (timeline.isEmpty()) {
      return List.of();
    }
    List<MarketDay> result = new ArrayList<>();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      Instant start = day.atStartOfDay().toInstant(standardTime);
      Instant end = day.plusDays(1).atStartOfDay().toInstant(standardTime);
      for (Period period : timeline.get().periods()) {
        var state = period.state();
        if (period.overlaps(start, end) && party.equals(state.billingAgent())) {
          result.addAll(posted(servicePoint, state.meter(), channels(state.channels()), day, Instant.MIN,
              Instant.MAX));
        }
      }
    }
    return result.stream().distinct().toList();
  }

  private List<MarketDay> posted(String sdp, String meter, Set<String> channels, LocalDate day, Instant after,
      Instant upTo) {
    List<CompletableFuture<java.util.Optional<ValidatedDay>>> reads = new ArrayList<>();
    for (String channel : channels) {
      reads.add(intervals.validatedAsOf(new MeterId(meter), new Channel(channel, ANY_UNIT), day, Long.MAX_VALUE)
          .toCompletableFuture());
    }
    List<MarketDay> result = new ArrayList<>();
    for (var read : reads) {
      read.join().filter(v -> v.postedAt().isAfter(after) && !v.postedAt().isAfter(upTo))
          .ifPresent(v -> result.add(new MarketDay(sdp, v)));
    }
    return result;
  }

  private static Set<String> channels(List<String> configured) {
    return configured.isEmpty() ? Set.of(Channel.ACTIVE_IMPORT.name()) : new LinkedHashSet<>(configured);
  }
}
