package org.adcs.scheduler.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.adcs.scheduler.port.ReadPriority;
import org.adcs.scheduler.workload.WorkloadLedger.Admission;
import org.adcs.scheduler.workload.WorkloadLedger.Start;
import org.junit.jupiter.api.Test;

class WorkloadLedgerTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  @Test
  void an_operator_read_starts_at_once_while_a_mass_read_holds_every_shared_permit_R_OD_4() {
    var ledger = new WorkloadLedger<String>(new WorkloadBudget(10, 2, 1000, TIMEOUT));
    for (int i = 0; i < 100; i++) {
      ledger.offer(ReadPriority.MASS_READ, "mass-" + i);
    }
    assertEquals(8, ledger.startable().size());
    assertTrue(ledger.startable().isEmpty(), "the reserved permits are not for mass reads");

    ledger.offer(ReadPriority.OPERATOR, "operator");
    List<Start<String>> started = ledger.startable();

    assertEquals(List.of(new Start<>(ReadPriority.OPERATOR, "operator")), started);
    assertEquals(92, ledger.queued(ReadPriority.MASS_READ));
  }

  @Test
  void a_freed_permit_goes_to_recovery_before_mass_reads_before_routine_re_reads_R_OD_4() {
    var ledger = new WorkloadLedger<String>(new WorkloadBudget(3, 1, 10, TIMEOUT));
    ledger.offer(ReadPriority.ROUTINE, "routine");
    ledger.offer(ReadPriority.MASS_READ, "mass");
    ledger.offer(ReadPriority.RECOVERY, "recovery");

    List<Start<String>> first = ledger.startable();
    assertEquals(List.of("recovery", "mass"), first.stream().map(Start::request).toList());

    ledger.finished(ReadPriority.RECOVERY);
    assertEquals(List.of("routine"), ledger.startable().stream().map(Start::request).toList());
  }

  @Test
  void a_full_queue_refuses_the_request_at_once_and_counts_it() {
    var ledger = new WorkloadLedger<String>(new WorkloadBudget(2, 1, 2, TIMEOUT));
    assertEquals(Admission.QUEUED, ledger.offer(ReadPriority.MASS_READ, "a"));
    assertEquals(Admission.QUEUED, ledger.offer(ReadPriority.MASS_READ, "b"));
    assertEquals(Admission.REFUSED_QUEUE_FULL, ledger.offer(ReadPriority.MASS_READ, "c"));
    assertEquals(Admission.QUEUED, ledger.offer(ReadPriority.OPERATOR, "d"), "each priority has its own queue");
    assertEquals(1, ledger.refused(ReadPriority.MASS_READ));
  }

  @Test
  void an_invalid_budget_is_refused_with_the_reason() {
    var reserved = assertThrows(IllegalArgumentException.class, () -> new WorkloadBudget(4, 4, 10, TIMEOUT));
    assertTrue(reserved.getMessage().contains("reserved for operator"));
    assertThrows(IllegalArgumentException.class, () -> new WorkloadBudget(4, 1, 0, TIMEOUT));
    assertThrows(IllegalArgumentException.class, () -> new WorkloadBudget(4, 1, 10, Duration.ZERO));
    assertThrows(IllegalStateException.class, () -> new WorkloadLedger<String>(new WorkloadBudget(4, 1, 10, TIMEOUT)).finished(ReadPriority.ROUTINE));
  }

  @Provide
  Arbitrary<List<ReadPriority>> traffic() {
    return Arbitraries.of(ReadPriority.class).list().ofMaxSize(400);
  }

  @Property
  void permits_are_never_exceeded_and_reserved_permits_stay_free_of_other_traffic(
      @ForAll @IntRange(min = 2, max = 40) int permits, @ForAll @IntRange(min = 1, max = 39) int reservedWish,
      @ForAll("traffic") List<ReadPriority> arrivals, @ForAll @Size(max = 400) List<Boolean> finishes) {
    int reserved = Math.min(reservedWish, permits - 1);
    var budget = new WorkloadBudget(permits, reserved, 50, TIMEOUT);
    var ledger = new WorkloadLedger<Integer>(budget);
    var running = new java.util.ArrayDeque<ReadPriority>();

    for (int i = 0; i < arrivals.size(); i++) {
      ledger.offer(arrivals.get(i), i);
      for (Start<Integer> start : ledger.startable()) {
        running.add(start.priority());
      }
      if (i < finishes.size() && finishes.get(i) && !running.isEmpty()) {
        ledger.finished(running.poll());
        for (Start<Integer> start : ledger.startable()) {
          running.add(start.priority());
        }
      }
      assertTrue(ledger.totalInFlight() <= permits);
      int operator = ledger.inFlight(ReadPriority.OPERATOR);
      int others = ledger.totalInFlight() - operator;
      assertTrue(others <= budget.sharedPermits());
      // Whatever operators do not use of their reservation is free.
      assertTrue(permits - ledger.totalInFlight() >= reserved - Math.min(operator, reserved));
      for (ReadPriority p : ReadPriority.values()) {
        assertTrue(ledger.queued(p) <= 50);
      }
    }
  }
}
