package org.adcs.scheduler.readgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.adcs.scheduler.readgroup.GroupVerdict.Commitment;
import org.adcs.scheduler.readside.CollectionTiming;
import org.adcs.scheduler.readside.CollectionTiming.Punctuality;
import org.junit.jupiter.api.Test;

class RebalanceAnalystTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-10T09:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate FIRST = LocalDate.of(2026, 5, 3);
  private static final LocalDate LAST = LocalDate.of(2026, 5, 9);

  private static void observe(GroupPunctuality p, int group, int onTime, int late, int missed) {
    for (int i = 0; i < onTime; i++) {
      p.record(new CollectionTiming("m", FIRST, group, Punctuality.ON_TIME));
    }
    for (int i = 0; i < late; i++) {
      p.record(new CollectionTiming("m", FIRST, group, Punctuality.LATE));
    }
    for (int i = 0; i < missed; i++) {
      p.record(new CollectionTiming("m", FIRST, group, Punctuality.MISSED));
    }
  }

  @Test
  void ten_percent_of_an_over_committed_group_moves_to_the_under_committed_groups_R_SCH_4() {
    var punctuality = new GroupPunctuality(4);
    observe(punctuality, 0, 600, 300, 100); // 40 % late or missed: over-committed
    observe(punctuality, 1, 995, 5, 0);     // 0.5 %: under-committed
    observe(punctuality, 2, 970, 30, 0);    // 3 %: neither
    observe(punctuality, 3, 1000, 0, 0);    // 0 %: under-committed
    int[] sizes = {1000, 900, 1000, 910};

    RebalanceAnalysis analysis = new RebalanceAnalyst(RebalancePolicy.DEFAULT, CLOCK).analyse(FIRST, LAST, punctuality, sizes);

    assertEquals(List.of(Commitment.OVER_COMMITTED, Commitment.UNDER_COMMITTED, Commitment.BALANCED, Commitment.UNDER_COMMITTED),
        analysis.verdicts().stream().map(GroupVerdict::commitment).toList());
    assertEquals(100, analysis.metersToMove());
    // The smaller under-committed group fills first, then both grow together: 900+55 and 910+45.
    assertEquals(List.of(new GroupMove(0, 1, 55), new GroupMove(0, 3, 45)), analysis.moves());
    assertEquals(0.4, analysis.verdicts().get(0).missRate(), 1e-9);
    assertEquals(CLOCK.instant(), analysis.analysedAt());
  }

  @Test
  void without_an_under_committed_group_nothing_moves() {
    var punctuality = new GroupPunctuality(2);
    observe(punctuality, 0, 50, 50, 0);
    observe(punctuality, 1, 90, 10, 0);

    RebalanceAnalysis analysis = new RebalanceAnalyst(RebalancePolicy.DEFAULT, CLOCK).analyse(FIRST, LAST, punctuality, new int[] {100, 100});

    assertTrue(analysis.moves().isEmpty());
    assertEquals(Commitment.OVER_COMMITTED, analysis.verdicts().get(0).commitment());
  }

  @Test
  void an_invalid_policy_is_refused_with_the_reason() {
    var share = assertThrows(IllegalArgumentException.class, () -> new RebalancePolicy(0, 0.05, 0.01, 1));
    assertTrue(share.getMessage().contains("share"));
    assertThrows(IllegalArgumentException.class, () -> new RebalancePolicy(0.1, 0.05, 0.05, 1));
    assertThrows(IllegalArgumentException.class, () -> new RebalancePolicy(0.1, 0.05, 0.01, 0));
  }

  @Property
  void moves_go_only_from_over_to_under_committed_groups_and_move_the_share(
      @ForAll @Size(min = 2, max = 24) List<@IntRange(min = 0, max = 100) Integer> lateOutOfHundred,
      @ForAll @IntRange(min = 0, max = 3000) int groupSize) {
    int groups = lateOutOfHundred.size();
    var punctuality = new GroupPunctuality(groups);
    for (int g = 0; g < groups; g++) {
      observe(punctuality, g, 100 - lateOutOfHundred.get(g), lateOutOfHundred.get(g), 0);
    }
    int[] sizes = new int[groups];
    Arrays.fill(sizes, groupSize);

    RebalanceAnalysis analysis = new RebalanceAnalyst(RebalancePolicy.DEFAULT, CLOCK).analyse(FIRST, LAST, punctuality, sizes);

    long over = analysis.verdicts().stream().filter(v -> v.commitment() == Commitment.OVER_COMMITTED).count();
    long under = analysis.verdicts().stream().filter(v -> v.commitment() == Commitment.UNDER_COMMITTED).count();
    for (GroupMove move : analysis.moves()) {
      assertEquals(Commitment.OVER_COMMITTED, analysis.verdicts().get(move.from()).commitment());
      assertEquals(Commitment.UNDER_COMMITTED, analysis.verdicts().get(move.to()).commitment());
    }
    long expected = under == 0 ? 0 : over * Math.round(groupSize * 0.10);
    assertEquals(expected, analysis.metersToMove());
  }
}
