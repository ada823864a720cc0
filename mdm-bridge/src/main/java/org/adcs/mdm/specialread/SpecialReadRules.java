package org.adcs.mdm.specialread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adcs.mdm.masterdata.ServicePointState;
import org.adcs.mdm.masterdata.ServicePointTimeline;

/**
 * The checks a special read must pass before it is stored (R-MD-2). Common to all kinds: the service
 * point is synchronised, the read is not in the future, and each register is not below the same
 * meter's register at the latest earlier read (they are cumulative). Kind by kind:
 * <ul>
 *   <li>initial: the service starts at the read (no service just before it, service at it);</li>
 *   <li>off-cycle, read-cycle and tariff change, credit turn-off / turn-on: the service is active and
 *       the read is of its meter; a change names its new value; a turn-on follows a turn-off and a
 *       turn-off does not follow another;</li>
 *   <li>change-out: both meters' reads, the removed meter in service just before and the installed
 *       one at the read;</li>
 *   <li>final: the service stops at the read, the read is of the meter in service until then, and
 *       it closes the service: no read but an initial one may follow it.</li>
 * </ul>
 */
public final class SpecialReadRules {

  private SpecialReadRules() {}

  /**
   * The problems found, none when the read may be stored.
   *
   * @param earlier the point's special reads already stored, in any order
   */
  public static List<String> check(SpecialRead read, Optional<ServicePointTimeline> timeline,
      List<SpecialRead> earlier, Instant now) {
    List<String> problems = new ArrayList<>();
    if (timeline.isEmpty() || timeline.get().periods().isEmpty()) {
      return List.of("service point " + read.sdpId() + " is not synchronised");
    }
    ServicePointTimeline points = timeline.get();
    if (read.readAt().isAfter(now)) {
      problems.add("read time " + read.readAt() + " is in the future");
    }
    if (read.kind() != SpecialReadKind.CHANGE_OUT && read.installed().isPresent()) {
      problems.add("only a change-out read carries an installation read");
    }
    if (read.kind().needsNewValue() && read.newValue().filter(v -> !v.isBlank()).isEmpty()) {
      problems.add("a " + read.kind().wireName() + " read must name the new "
          + (read.kind() == SpecialReadKind.TARIFF_CHANGE ? "tariff" : "read cycle"));
    }
    if (!read.kind().needsNewValue() && read.newValue().isPresent()) {
      problems.add("a " + read.kind().wireName() + " read carries no new value");
    }
    List<SpecialRead> before = earlier.stream().filter(r -> r.readAt().isBefore(read.readAt()))
        .sorted(Comparator.comparing(SpecialRead::readAt)).toList();
    Optional<SpecialRead> last = before.isEmpty() ? Optional.empty() : Optional.of(before.get(before.size() - 1));
    if (last.filter(r -> r.kind() == SpecialReadKind.FINAL).isPresent() && read.kind() != SpecialReadKind.INITIAL) {
      problems.add("the service was closed by the final read at " + last.get().readAt()
          + "; only an initial read may follow it");
    }
    Optional<ServicePointState> at = points.at(read.readAt());
    Optional<ServicePointState> justBefore = points.at(read.readAt().minusNanos(1));
    switch (read.kind()) {
      case INITIAL -> {
        if (at.isEmpty()) {
          problems.add("no service starts at " + read.readAt());
        } else if (justBefore.filter(s -> s.account() != null && s.account().equals(at.get().account())).isPresent()) {
          problems.add("the service of account " + at.get().account() + " was already active before "
              + read.readAt() + "; an initial read opens a service");
        }
        at.ifPresent(s -> meterIs(read.reads(), s, "read", problems));
      }
      case OFF_CYCLE, READ_CYCLE_CHANGE, TARIFF_CHANGE, CREDIT_TURN_OFF, CREDIT_TURN_ON -> {
        if (at.isEmpty()) {
          problems.add("service point " + read.sdpId() + " is not active at " + read.readAt());
        } else {
          meterIs(read.reads(), at.get(), "read", problems);
        }
        if (read.kind() == SpecialReadKind.CREDIT_TURN_ON || read.kind() == SpecialReadKind.CREDIT_TURN_OFF) {
          creditSequence(read, before, problems);
        }
      }
      case CHANGE_OUT -> {
        if (read.installed().isEmpty()) {
          problems.add("a change-out needs both the removal read and the installation read");
        } else if (read.installed().get().meter().equals(read.reads().meter())) {
          problems.add("a change-out removes one meter and installs another, both reads name meter "
              + read.reads().meter());
        } else if (justBefore.isEmpty() || at.isEmpty()) {
          problems.add("service point " + read.sdpId() + " is not in service on both sides of " + read.readAt());
        } else {
          meterIs(read.reads(), justBefore.get(), "removal read", problems);
          meterIs(read.installed().get(), at.get(), "installation read", problems);
        }
      }
      case FINAL -> {
        if (at.isPresent() || justBefore.isEmpty()) {
          problems.add("the service of " + read.sdpId() + " does not stop at " + read.readAt()
              + "; a final read is taken when the service stops");
        } else {
          meterIs(read.reads(), justBefore.get(), "read", problems);
        }
      }
    }
    cumulative(read.reads(), before, problems);
    return problems;
  }

  private static void meterIs(MeterReads reads, ServicePointState state, String what, List<String> problems) {
    if (!state.meter().equals(reads.meter())) {
      problems.add("the " + what + " names meter " + reads.meter() + " but service point " + state.sdpId()
          + " has meter " + state.meter() + " then");
    }
  }

  private static void creditSequence(SpecialRead read, List<SpecialRead> before, List<String> problems) {
    Optional<SpecialReadKind> lastCredit = before.stream().map(SpecialRead::kind)
        .filter(k -> k == SpecialReadKind.CREDIT_TURN_OFF || k == SpecialReadKind.CREDIT_TURN_ON)
        .reduce((a, b) -> b);
    if (read.kind() == SpecialReadKind.CREDIT_TURN_ON && lastCredit.orElse(null) != SpecialReadKind.CREDIT_TURN_OFF) {
      problems.add("a credit turn-on needs an earlier credit turn-off");
    }
    if (read.kind() == SpecialReadKind.CREDIT_TURN_OFF && lastCredit.orElse(null) == SpecialReadKind.CREDIT_TURN_OFF) {
      problems.add("the service is already turned off for credit");
    }
  }

  /** Registers only grow: compare with the latest earlier read of the same meter, removal or installation. */
  private static void cumulative(MeterReads reads, List<SpecialRead> before, List<String> problems) {
    for (int i = before.size() - 1; i >= 0; i--) {
      SpecialRead earlier = before.get(i);
      Optional<MeterReads> same = earlier.installed().filter(m -> m.meter().equals(reads.meter()))
          .or(() -> Optional.of(earlier.reads()).filter(m -> m.meter().equals(reads.meter())));
      if (same.isPresent()) {
        for (Map.Entry<String, Long> e : reads.registers().entrySet()) {
          Long was = same.get().registers().get(e.getKey());
          if (was != null && e.getValue() < was) {
            problems.add("register " + e.getKey() + " of meter " + reads.meter() + " reads " + e.getValue()
                + ", below " + was + " at the " + earlier.kind().wireName() + " read of " + earlier.readAt());
          }
        }
        return;
      }
    }
  }
}
