package org.adcs.scheduler.readgroup;

/** Move {@code meters} meters from read group {@code from} to read group {@code to} (R-SCH-4). */
public record GroupMove(int from, int to, int meters) {

  public GroupMove {
    if (from == to || meters < 1) {
      throw new IllegalArgumentException("a move needs two different groups and at least one meter: " + from + "->" + to + " x" + meters);
    }
  }
}
