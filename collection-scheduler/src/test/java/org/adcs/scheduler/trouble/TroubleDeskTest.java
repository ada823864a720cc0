package org.adcs.scheduler.trouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import akka.persistence.typed.PersistenceId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.adcs.scheduler.ManualClock;
import org.adcs.scheduler.completeness.DaySet;
import org.adcs.scheduler.trouble.TroubleDesk.PickupAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk's journal is the truth: every test here also proves the events serialize (Jackson CBOR). */
class TroubleDeskTest {

  private static final ActorTestKit testKit = ActorTestKit.create(EventSourcedBehaviorTestKit.config());
  private static final LocalDate YESTERDAY = LocalDate.of(2026, 4, 1);
  private static final DaySet SILENT_THREE_DAYS =
      DaySet.all(YESTERDAY, 45).without(YESTERDAY).without(YESTERDAY.minusDays(1)).without(YESTERDAY.minusDays(2));
  private static int desks;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-04-02T13:30:00Z"));
  private EventSourcedBehaviorTestKit<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State> desk;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newDesk() {
    desk = desk(false);
  }

  private EventSourcedBehaviorTestKit<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State> desk(boolean raisePickupOnOpen) {
    // The state is rebuilt from events, never serialized itself (no snapshots yet).
    return EventSourcedBehaviorTestKit.create(testKit.system(),
        TroubleDesk.create(PersistenceId.ofUniqueId("desk-" + desks++), TroubleReportPolicy.DEFAULT, raisePickupOnOpen, clock),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
  }

  @Test
  void a_silent_meter_gets_one_report_and_the_journal_holds_it_R_MIS_4() {
    var first = desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-1", SILENT_THREE_DAYS, r));
    var opened = assertInstanceOf(TroubleDesk.TroubleReportOpened.class, first.event());
    assertEquals("m-1", opened.report().meterId());
    assertEquals(clock.instant(), opened.report().opened());

    assertTrue(desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-1", SILENT_THREE_DAYS, r)).hasNoEvents(), "one open report per meter");
    assertTrue(desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-2", DaySet.all(YESTERDAY, 45), r)).hasNoEvents());
  }

  @Test
  void reports_and_pickup_requests_survive_a_restart_and_ids_go_on_R_MIS_4_R_FLD_1() {
    desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-1", SILENT_THREE_DAYS, r));
    desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-2", SILENT_THREE_DAYS, r));
    var fromReport = desk.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupFromReport("m-1", r));
    PickupRequest pickup = assertInstanceOf(PickupAnswer.Raised.class, fromReport.reply()).request();

    desk.restart();

    AgingReport aging = desk.<AgingReport>runCommand(TroubleDesk.GetAgingReport::new).reply();
    assertEquals(List.of("m-1", "m-2"), aging.lines().stream().map(l -> l.report().meterId()).toList());
    TroubleReport m1 = desk.<Optional<TroubleReport>>runCommand(r -> new TroubleDesk.GetOpenReport("m-1", r)).reply().orElseThrow();
    assertEquals(Optional.of(pickup.id()), m1.pickupRequestId());
    var again = desk.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupFromReport("m-1", r));
    assertTrue(again.hasNoEvents());
    assertEquals(pickup, ((PickupAnswer.Raised) again.reply()).request(), "the open request, not a second crew");
    var third = desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-3", SILENT_THREE_DAYS, r));
    assertEquals(3, ((TroubleDesk.TroubleReportOpened) third.event()).report().id(), "ids continue after the restart");
  }

  @Test
  void a_desk_that_raises_pickups_on_open_persists_both_together_R_FLD_1() {
    var autoDesk = desk(true);

    var result = autoDesk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-1", SILENT_THREE_DAYS, r));

    assertEquals(2, result.events().size());
    var raised = assertInstanceOf(TroubleDesk.PickupRequestRaised.class, result.events().get(1));
    assertEquals(new PickupOrigin.TroubleReportOrigin(1), raised.request().origin());
  }

  @Test
  void operators_raise_pickup_requests_with_a_name_and_a_reason_R_FLD_1() {
    var refused = desk.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupByOperator("m-7", " ", "meter cover broken", r));
    assertTrue(refused.hasNoEvents());
    assertTrue(((PickupAnswer.Refused) refused.reply()).reason().contains("must name the operator"));

    var raised = desk.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupByOperator("m-7", "alice", "meter cover broken", r));
    assertInstanceOf(TroubleDesk.PickupRequestRaised.class, raised.event());
    long id = ((PickupAnswer.Raised) raised.reply()).request().id();

    assertTrue(desk.<Boolean>runCommand(r -> new TroubleDesk.ClosePickupRequest(id, r)).reply());
    assertEquals(false, desk.<Boolean>runCommand(r -> new TroubleDesk.ClosePickupRequest(id, r)).reply());
    var noReport = desk.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupFromReport("m-7", r));
    assertInstanceOf(PickupAnswer.Refused.class, noReport.reply());
  }

  @Test
  void closing_a_report_lets_a_new_one_open_later() {
    desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-1", SILENT_THREE_DAYS, r));

    assertTrue(desk.<Boolean>runCommand(r -> new TroubleDesk.CloseReport("m-1", r)).reply());
    assertEquals(false, desk.<Boolean>runCommand(r -> new TroubleDesk.CloseReport("m-1", r)).reply());

    desk.restart();
    assertInstanceOf(TroubleDesk.TroubleReportOpened.class, desk.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-1", SILENT_THREE_DAYS, r)).event());
  }

  @Test
  void a_desk_restarted_from_a_snapshot_and_the_events_after_it_has_the_same_open_reports_and_requests() {
    String persistenceId = "desk-" + desks++;
    var snapshotting = EventSourcedBehaviorTestKit.<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State>create(testKit.system(),
        TroubleDesk.create(PersistenceId.ofUniqueId(persistenceId), TroubleReportPolicy.DEFAULT, false, clock, 2),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    for (String meter : List.of("m-1", "m-2", "m-3")) {
      snapshotting.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate(meter, SILENT_THREE_DAYS, r));
    }
    var raised = snapshotting.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupFromReport("m-2", r));
    long pickupId = ((PickupAnswer.Raised) raised.reply()).request().id();
    snapshotting.<Boolean>runCommand(r -> new TroubleDesk.CloseReport("m-1", r));
    var snapshots = snapshotting.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId);
    // Five events, a snapshot every two: the last one holds four events' state, one event follows it.
    var last = (TroubleDesk.Snapshot) snapshots.get(snapshots.size() - 1).second();
    assertEquals(List.of("m-1", "m-2", "m-3"), last.openReports().stream().map(TroubleReport::meterId).sorted().toList());
    assertEquals(1, last.openPickupRequests().size());

    snapshotting.restart();

    AgingReport aging = snapshotting.<AgingReport>runCommand(TroubleDesk.GetAgingReport::new).reply();
    assertEquals(List.of("m-2", "m-3"), aging.lines().stream().map(l -> l.report().meterId()).toList());
    assertEquals(Optional.of(pickupId), aging.lines().get(0).report().pickupRequestId());
    var fourth = snapshotting.<TroubleDesk.Evaluated>runCommand(r -> new TroubleDesk.Evaluate("m-4", SILENT_THREE_DAYS, r));
    assertEquals(4, fourth.reply().opened().orElseThrow().id(), "ids continue after a snapshot");
    var operator = snapshotting.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupByOperator("m-2", "bob", "again", r));
    assertTrue(operator.hasNoEvents(), "the restored request is still open");
    assertEquals(pickupId, ((PickupAnswer.Raised) operator.reply()).request().id());
  }

  private long raise(EventSourcedBehaviorTestKit<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State> on, String meter) {
    var raised = on.<PickupAnswer>runCommand(r -> new TroubleDesk.RaisePickupByOperator(meter, "alice", "cover broken", r));
    return ((PickupAnswer.Raised) raised.reply()).request().id();
  }

  private PickupRequestBook.Page list(EventSourcedBehaviorTestKit<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State> on,
      Optional<String> meter, Optional<PickupRequestBook.Status> status, int offset, int limit) {
    return on.<PickupRequestBook.Page>runCommand(r -> new TroubleDesk.ListPickupRequests(meter, status, offset, limit, r)).reply();
  }

  @Test
  void field_tools_list_requests_by_meter_and_status_in_pages_and_closed_ones_keep_their_closing_time_R_FLD_1() {
    long first = raise(desk, "m-1");
    long second = raise(desk, "m-2");
    long third = raise(desk, "m-3");
    Instant closedAt = clock.instant();
    assertTrue(desk.<Boolean>runCommand(r -> new TroubleDesk.ClosePickupRequest(second, r)).reply());

    PickupRequestBook.Page open = list(desk, Optional.empty(), Optional.of(PickupRequestBook.Status.OPEN), 0, 10);
    assertEquals(List.of(first, third), open.requests().stream().map(PickupRequest::id).toList());
    assertEquals(2, open.total());
    PickupRequestBook.Page all = list(desk, Optional.empty(), Optional.empty(), 1, 1);
    assertEquals(List.of(second), all.requests().stream().map(PickupRequest::id).toList(), "the second of three, one a page");
    assertEquals(3, all.total());
    assertEquals(List.of(), list(desk, Optional.empty(), Optional.empty(), 3, 10).requests());
    PickupRequestBook.Page closed = list(desk, Optional.of("m-2"), Optional.of(PickupRequestBook.Status.CLOSED), 0, 10);
    assertEquals(1, closed.total());
    assertEquals(Optional.of(closedAt), closed.requests().get(0).closed());
    assertEquals(0, list(desk, Optional.of("m-1"), Optional.of(PickupRequestBook.Status.CLOSED), 0, 10).total());

    clock.advance(java.time.Duration.ofHours(5));
    desk.restart();
    Optional<PickupRequest> again = desk.<Optional<PickupRequest>>runCommand(r -> new TroubleDesk.GetPickupRequest(second, r)).reply();
    assertEquals(Optional.of(closedAt), again.orElseThrow().closed(), "a replay keeps the time the request was closed");
    assertTrue(desk.<Optional<PickupRequest>>runCommand(r -> new TroubleDesk.GetPickupRequest(first, r)).reply().orElseThrow().isOpen());
    assertEquals(Optional.empty(), desk.<Optional<PickupRequest>>runCommand(r -> new TroubleDesk.GetPickupRequest(99, r)).reply());
    assertThrows(IllegalArgumentException.class, () -> new TroubleDesk.ListPickupRequests(Optional.empty(), Optional.empty(), -1, 10, null));
    assertThrows(IllegalArgumentException.class, () -> new TroubleDesk.ListPickupRequests(Optional.empty(), Optional.empty(), 0, 0, null));
  }

  @Test
  void closed_requests_survive_a_snapshot_and_the_oldest_are_forgotten_beyond_the_bound() {
    String persistenceId = "desk-" + desks++;
    var snapshotting = EventSourcedBehaviorTestKit.<TroubleDesk.Command, TroubleDesk.Event, TroubleDesk.State>create(testKit.system(),
        TroubleDesk.create(PersistenceId.ofUniqueId(persistenceId), TroubleReportPolicy.DEFAULT, false, clock, 2),
        EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    long id = raise(snapshotting, "m-1");
    snapshotting.<Boolean>runCommand(r -> new TroubleDesk.ClosePickupRequest(id, r));
    var snapshots = snapshotting.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId);
    var last = (TroubleDesk.Snapshot) snapshots.get(snapshots.size() - 1).second();
    assertEquals(List.of(id), last.closedPickupRequests().stream().map(PickupRequest::id).toList());
    snapshotting.restart();
    assertTrue(snapshotting.<Optional<PickupRequest>>runCommand(r -> new TroubleDesk.GetPickupRequest(id, r)).reply()
        .orElseThrow().closed().isPresent());

    PickupRequestBook book = new PickupRequestBook(clock);
    for (int i = 0; i <= PickupRequestBook.CLOSED_KEPT; i++) {
      book.close(book.raise("m-" + i, new PickupOrigin.OperatorOrigin("alice"), "sweep").id());
    }
    assertEquals(Optional.empty(), book.lookup(1), "the oldest closed request is forgotten");
    assertTrue(book.lookup(2).isPresent());
    assertEquals(PickupRequestBook.CLOSED_KEPT, book.list(Optional.empty(), Optional.empty(), 0, 1).total());
  }
}
