package org.adcs.mdm.report;

import java.time.LocalDate;

/** The sums of one day's channel-days: intervals expected, read, estimated and read by each deadline. */
public final class DayFigures {

  private final LocalDate day;
  private long channelDays;
  private long expected;
  private long actual;
  private long estimated;
  private final long[] readBy = new long[Arrival.DEADLINE_DAYS.size()];

  public DayFigures(LocalDate day) {
    this.day = day;
  }

  void add(DeliveryRow row) {
    channelDays++;
    expected += row.expected();
    actual += Math.min(row.actual(), row.expected());
    estimated += row.estimated();
    for (int k = 0; k < readBy.length; k++) {
      readBy[k] += Math.min(row.readBy(k), row.expected());
    }
  }

  void add(DayFigures other) {
    channelDays += other.channelDays;
    expected += other.expected;
    actual += other.actual;
    estimated += other.estimated;
    for (int k = 0; k < readBy.length; k++) {
      readBy[k] += other.readBy[k];
    }
  }

  public LocalDate day() {
    return day;
  }

  public long channelDays() {
    return channelDays;
  }

  public long expected() {
    return expected;
  }

  public long actual() {
    return actual;
  }

  public long estimated() {
    return estimated;
  }

  public long readBy(int deadline) {
    return readBy[deadline];
  }
}
