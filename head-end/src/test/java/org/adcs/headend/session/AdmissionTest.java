package org.adcs.headend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** The meter port's bound on work in flight: order kept, permits never lost nor doubled. */
class AdmissionTest {

  private static final Executor DIRECT = Runnable::run;

  @Test
  void workBeyondTheBoundWaitsAndStartsInArrivalOrderAsPermitsAreReleased() {
    Admission admission = new Admission("test", 2);
    List<Integer> started = new ArrayList<>();
    List<Admission.Permit> permits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      admission.admit(DIRECT, permit -> {
        started.add(n);
        permits.add(permit);
      });
    }
    assertEquals(List.of(0, 1), started);
    assertEquals(2, admission.inFlight());
    assertEquals(3, admission.waiting());

    permits.get(1).release();
    permits.get(1).release(); // a second release of the same permit frees nothing more
    assertEquals(List.of(0, 1, 2), started);
    assertEquals(2, admission.waiting());

    permits.get(0).release();
    permits.get(2).release();
    assertEquals(List.of(0, 1, 2, 3, 4), started);
    permits.get(3).release();
    permits.get(4).release();
    assertEquals(0, admission.inFlight());
    assertEquals(0, admission.waiting());
  }

  @Test
  void aPermitIsReleasedWhenItsWorkFailsOrItsConnectionIsGone() {
    Admission admission = new Admission("test", 1);
    Executor closed = task -> {
      throw new RejectedExecutionException("event loop shut down");
    };
    admission.admit(closed, permit -> { });
    assertEquals(0, admission.inFlight());

    assertThrows(IllegalStateException.class, () -> admission.admit(DIRECT, permit -> {
      throw new IllegalStateException("work failed");
    }));
    assertEquals(0, admission.inFlight());

    List<String> started = new ArrayList<>();
    admission.admit(DIRECT, permit -> started.add("next"));
    assertEquals(List.of("next"), started);
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Admission("test", 0));
  }
}
