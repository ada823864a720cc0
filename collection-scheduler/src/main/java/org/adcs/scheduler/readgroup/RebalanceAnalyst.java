package org.adcs.scheduler.readgroup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.adcs.scheduler.readgroup.GroupVerdict.Commitment;

/**
 * The weekly review of R-SCH-4: classifies read groups from their punctuality and plans moving the
 * policy's share of each over-committed group's meters to under-committed groups, always into the
 * under-committed group that is smallest at that moment, so the moves keep the groups balanced.
 */
public final class RebalanceAnalyst {

  private final RebalancePolicy policy;
  private final Clock clock;

  public RebalanceAnalyst(RebalancePolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public RebalanceAnalysis analyse(LocalDate firstDay, LocalDate lastDay, GroupPunctuality punctuality, int[] groupSizes) {
    if (groupSizes.length != punctuality.groupCount()) {
      throw new IllegalArgumentException("group sizes for " + groupSizes.length + " groups, punctuality for " + punctuality.groupCount());
    }
    List<GroupVerdict> verdicts = new ArrayList<>();
    List<Integer> over = new ArrayList<>();
    List<Integer> under = new ArrayList<>();
    for (int g = 0; g < groupSizes.length; g++) {
      long observations = punctuality.observations(g);
      double missRate = observations == 0 ? 0 : (double) (punctuality.late(g) + punctuality.missed(g)) / observations;
      Commitment commitment = Commitment.BALANCED;
      if (observations >= policy.minObservations()) {
        if (missRate > policy.overCommittedAbove()) {
          commitment = Commitment.OVER_COMMITTED;
          over.add(g);
        } else if (missRate <= policy.underCommittedAtMost()) {
          commitment = Commitment.UNDER_COMMITTED;
          under.add(g);
        }
      }
      verdicts.add(new GroupVerdict(g, groupSizes[g], punctuality.onTime(g), punctuality.late(g), punctuality.missed(g), missRate, commitment));
    }
    return new RebalanceAnalysis(firstDay, lastDay, clock.instant(), policy, verdicts, planMoves(over, under, groupSizes));
  }

  private List<GroupMove> planMoves(List<Integer> over, List<Integer> under, int[] groupSizes) {
    List<GroupMove> moves = new ArrayList<>();
    if (over.isEmpty() || under.isEmpty()) {
      return moves;
    }
    int[] sizes = groupSizes.clone();
    for (int from : over) {
      int toMove = (int) Math.round(groupSizes[from] * policy.share());
      int[] movedTo = new int[sizes.length];
      for (int i = 0; i < toMove; i++) {
        int to = under.get(0);
        for (int candidate : under) {
          if (sizes[candidate] < sizes[to]) {
            to = candidate;
          }
        }
        sizes[from]--;
        sizes[to]++;
        movedTo[to]++;
      }
      for (int to : under) {
        if (movedTo[to] > 0) {
          moves.add(new GroupMove(from, to, movedTo[to]));
        }
      }
    }
    return moves;
  }
}
