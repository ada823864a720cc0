package org.adcs.scheduler.readgroup;

import java.util.List;

/** The analysis of a rebalancing review and every action it took, for the operator (R-SCH-4). */
public record RebalanceRecord(RebalanceAnalysis analysis, List<RebalanceAction> actions) {

  public RebalanceRecord {
    actions = List.copyOf(actions);
  }

  public long acknowledged() {
    return actions.stream().filter(a -> a.status() == RebalanceAction.Status.ACKNOWLEDGED).count();
  }
}
