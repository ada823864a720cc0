package org.adcs.mdm.mailbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A bulk extract a party asked for (R-DAT-2 a): readings of its meters written to its mailbox, once
 * for a period or periodically (every day the day before, every week the seven days before).
 *
 * @param kind     raw or validated
 * @param format   json, csv or xml
 * @param zone     the time zone of the period and of the timestamps
 * @param meters   the meters; empty for all the party is authorised for when the extract runs
 * @param channels the channels; empty for all
 * @param from     the one-off period's first day (inclusive); empty for periodic extracts
 * @param to       the one-off period's end (exclusive)
 * @param nextRun  when it runs next; empty once a one-off extract has run
 */
public record Extract(UUID id, String party, Schedule schedule, String kind, String format, String zone,
    List<String> meters, List<String> channels, Optional<LocalDate> from, Optional<LocalDate> to,
    Optional<Instant> nextRun, Instant createdAt, int runs, Optional<Instant> lastRun, Optional<UUID> lastFile,
    Optional<String> lastError) {

  public enum Schedule { ONCE, DAILY, WEEKLY }

  public Extract {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(schedule, "schedule");
    meters = List.copyOf(meters);
    channels = List.copyOf(channels);
  }

  /** After a run that wrote {@code file} (or failed with {@code error}), next due at {@code next}. */
  public Extract ran(Instant at, Optional<UUID> file, Optional<String> error, Optional<Instant> next) {
    return new Extract(id, party, schedule, kind, format, zone, meters, channels, from, to, next, createdAt, runs + 1,
        Optional.of(at), file.or(() -> lastFile), error);
  }
}
