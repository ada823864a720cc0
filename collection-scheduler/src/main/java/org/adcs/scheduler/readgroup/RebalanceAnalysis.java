package org.adcs.scheduler.readgroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The record of one rebalancing review an operator can read (R-SCH-4): the verdicts and the planned moves. */
public record RebalanceAnalysis(
    LocalDate firstDay, LocalDate lastDay, Instant analysedAt, RebalancePolicy policy, List<GroupVerdict> verdicts, List<GroupMove> moves) {

  public RebalanceAnalysis {
    verdicts = List.copyOf(verdicts);
    moves = List.copyOf(moves);
  }

  public int metersToMove() {
    return moves.stream().mapToInt(GroupMove::meters).sum();
  }
}
