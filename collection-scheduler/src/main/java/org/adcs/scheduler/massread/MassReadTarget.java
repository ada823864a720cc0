package org.adcs.scheduler.massread;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.adcs.scheduler.SchedulerSerializable;
import org.adcs.scheduler.completeness.DayRange;

/** Which meters a mass on-demand read covers (R-OD-3); crosses the cluster to the mass read desk. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MassReadTarget.MeterList.class, name = "meters"),
    @JsonSubTypes.Type(value = MassReadTarget.ReadGroupMembers.class, name = "read-group"),
    @JsonSubTypes.Type(value = MassReadTarget.MissingData.class, name = "missing-data")})
public sealed interface MassReadTarget extends SchedulerSerializable {

  /** Largest list an operator may hand in at once; larger populations go by group or timeframe. */
  int MAX_LIST = 1_000_000;

  /** The days whose data the read asks for. */
  DayRange days();

  /** A named list of meters; duplicates and blanks are refused. */
  record MeterList(List<String> meterIds, DayRange days) implements MassReadTarget {
    public MeterList {
      Objects.requireNonNull(days, "days");
      if (meterIds == null || meterIds.isEmpty()) {
        throw new IllegalArgumentException("a mass read of a list needs at least one meter");
      }
      if (meterIds.size() > MAX_LIST) {
        throw new IllegalArgumentException("a mass read list holds at most " + MAX_LIST + " meters, got " + meterIds.size());
      }
      var seen = new HashSet<String>();
      for (String id : meterIds) {
        if (id == null || id.isBlank()) {
          throw new IllegalArgumentException("a mass read list must not contain a blank meter id");
        }
        if (!seen.add(id)) {
          throw new IllegalArgumentException("meter " + id + " is listed twice in the mass read");
        }
      }
      meterIds = List.copyOf(meterIds);
    }
  }

  /** Every meter of one read group. */
  record ReadGroupMembers(int group, DayRange days) implements MassReadTarget {
    public ReadGroupMembers {
      Objects.requireNonNull(days, "days");
      if (group < 0) {
        throw new IllegalArgumentException("read group must not be negative, was " + group);
      }
    }
  }

  /** Every meter missing any data on the given days. */
  record MissingData(DayRange days) implements MassReadTarget {
    public MissingData {
      Objects.requireNonNull(days, "days");
    }
  }
}
