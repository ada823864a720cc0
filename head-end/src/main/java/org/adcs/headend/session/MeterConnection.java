package org.adcs.headend.session;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterModel.ConnectionKind;
import org.adcs.headend.meter.MeterRequests;
import org.adcs.headend.meter.MeterModel.Registration;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.metrics.HeadEndMetrics;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataAccessResult;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.DailyPushPayload;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.codec.Octets;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.SessionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One meter connection, from the meter's first push to its close: the meter says who it is, the
 * head-end associates with the password provisioning holds for it (a meter that refuses it, or that
 * provisioning does not know, is a security event and is disconnected), and the meter's entity is
 * told it is in contact (R-SCH-1: a meter it has not seen before registers itself).
 */
final class MeterConnection {

  private static final Logger log = LoggerFactory.getLogger(MeterConnection.class);

  private final Channel channel;
  private final ClientSession session;
  private final MeterCredentials credentials;
  private final MeterSharding meters;
  private final ConnectedMeters connected;
  private final Clock clock;
  private final Duration askTimeout;
  private final ZoneOffset standardTime;
  private final ClockCheck clockCheck;
  private final ActorSystem<?> system;
  private final Admission.Gates admission;
  private volatile ActorRef<MeterRequests.Request> sessionActor;
  private static final java.util.concurrent.atomic.AtomicLong SESSIONS = new java.util.concurrent.atomic.AtomicLong();
  private volatile String meterId;
  private volatile String logicalDeviceName;
  private volatile boolean identifying;
  /** Pushes that arrive while the announcement is being checked; a few at most. */
  private final List<DataNotification> early = new ArrayList<>();
  private static final int MAX_EARLY_PUSHES = 8;

  MeterConnection(Channel channel, ClientSession session, MeterCredentials credentials, MeterSharding meters,
      ConnectedMeters connected, Clock clock, Duration askTimeout, ZoneOffset standardTime, ActorSystem<?> system,
      Admission.Gates admission) {
    this.admission = admission;
    this.channel = channel;
    this.session = session;
    this.credentials = credentials;
    this.meters = meters;
    this.connected = connected;
    this.clock = clock;
    this.askTimeout = askTimeout;
    this.standardTime = standardTime;
    this.system = system;
    this.clockCheck = new ClockCheck(meters, clock, standardTime, askTimeout, Duration.ofHours(23));
  }

  void start(Duration announceTimeout) {
    session.onPush(this::onPush);
    channel.closeFuture().addListener(f -> onClosed());
    channel.eventLoop().schedule(() -> {
      if (meterId == null && !identifying && channel.isActive()) {
        log.warn("meter connection from {} sent no announcement within {} s, closing it", channel.remoteAddress(),
            announceTimeout.toSeconds());
        channel.close();
      }
    }, announceTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  String meterId() {
    return meterId;
  }

  ClientSession session() {
    return session;
  }

  void close() {
    channel.close();
  }

  private void onPush(DataNotification push) {
    if (meterId == null) {
      synchronized (early) {
        if (meterId == null) {
          if (!identifying) {
            identifying = true;
            admission.identifications().admit(channel.eventLoop(), permit -> identify(push, permit));
          } else if (early.size() < MAX_EARLY_PUSHES) {
            early.add(push); // sent right after the announcement: handled once the meter is known
          } else {
            log.warn("meter at {} sent more than {} pushes before it was identified; the rest are not acknowledged",
                channel.remoteAddress(), MAX_EARLY_PUSHES);
          }
          return;
        }
      }
    }
    Instant receivedAt = clock.instant();
    Optional<DailyPushPayload> payload = DailyPushPayload.fromData(push.body())
        .filter(p -> p.logicalDeviceName().equals(logicalDeviceName));
    Optional<PushConversion.Converted> converted = payload.flatMap(p -> PushConversion.convert(p, standardTime, receivedAt));
    if (converted.isEmpty()) {
      HeadEndMetrics.PUSHES.labelValues("ignored").inc();
      withMeter(() -> log.warn("push of an unknown layout or for another meter ignored (not acknowledged)"));
      return;
    }
    admission.pushes().admit(channel.eventLoop(), permit -> collect(converted.get(), payload.get().pushTime(), permit));
  }

  /**
   * R-COL-1: the intervals and events are persisted by the meter's entity first (one command, one
   * write); only then is the push acknowledged to the meter, so an acknowledged push can never be
   * lost. An unacknowledged push is sent again by the meter with its next one (R-SCH-6).
   */
  private void collect(PushConversion.Converted push, CosemDateTime pushTime, Admission.Permit permit) {
    var meter = meters.meter(meterId);
    // An ask's stage (a Scala future converted) runs every callback "async" on the JDK's default
    // executor, which with fewer than 3 cores is a new thread per callback; the connection's event
    // loop, where the acknowledgement is written anyway, takes them instead (measured: docs/benchmarks.md).
    Executor loop = channel.eventLoop();
    long asked = System.nanoTime();
    meter.<Meter.Reply>ask(replyTo -> new Meter.Collect(push.delivery(), push.events(), replyTo), askTimeout)
        .whenCompleteAsync((collected, error) -> {
          if (error != null || !(collected instanceof Meter.Accepted accepted)) {
            permit.release();
            HeadEndMetrics.PUSHES.labelValues("not_stored").inc();
            String why = error != null ? error.toString() : ((Meter.Rejected) collected).reason();
            withMeter(() -> log.warn("push not stored ({}); not acknowledged, the meter will send it again", why));
            return;
          }
          HeadEndMetrics.PUSH_STORE.observe((System.nanoTime() - asked) / 1e9);
          HeadEndMetrics.PUSHES.labelValues(accepted.changed() ? "stored" : "repeat").inc();
          session.set(new CosemAttribute(DataObject.CLASS_ID, ObisCode.PUSH_ACKNOWLEDGEMENT, 2),
                  new DlmsData.OctetString(pushTime.toBytes()))
              .whenComplete((result, ackError) -> withMeter(() -> {
                permit.release();
                int intervals = push.delivery().days().stream().mapToInt(d -> d.presentIntervals().cardinality()).sum();
                if (ackError == null && result == DataAccessResult.OBJECT_UNDEFINED) {
                  log.info("push stored: {} intervals, {} registers, {} events{} (the meter keeps no acknowledgement"
                      + " object)", intervals, push.delivery().registers().size(), push.events().size(),
                      accepted.changed() ? "" : " (a repeat)");
                } else if (ackError == null && result == DataAccessResult.SUCCESS) {
                  log.info("push stored and acknowledged: {} intervals, {} registers, {} events{}", intervals,
                      push.delivery().registers().size(), push.events().size(), accepted.changed() ? "" : " (a repeat)");
                } else {
                  log.warn("push stored but the meter did not take the acknowledgement ({}); it may send it again,"
                      + " which changes nothing", ackError != null ? ackError.toString() : result);
                }
              }));
        }, loop);
  }

  private void identify(DataNotification announcement, Admission.Permit permit) {
    Optional<String> name = Announcement.logicalDeviceName(announcement);
    if (name.isEmpty()) {
      permit.release();
      log.warn("security: a connection from {} announced no logical device name, closing it", channel.remoteAddress());
      channel.close();
      return;
    }
    String ldn = name.get();
    Optional<MeterCredentials.Provisioned> provisioned = credentials.lookup(ldn);
    if (provisioned.isEmpty()) {
      permit.release();
      log.warn("security: meter {} from {} is not provisioned, connection refused; add it to the provisioning file"
          + " (adcs.meters.provisioning-file)", ldn, channel.remoteAddress());
      channel.close();
      return;
    }
    MeterCredentials.Provisioned meter = provisioned.get();
    session.associate(Optional.of(Octets.copyOf(meter.llsPassword().getBytes(StandardCharsets.US_ASCII))))
        .whenComplete((association, error) -> {
          if (error != null) {
            permit.release();
            refused(meter, error);
          } else {
            announce(meter, permit);
          }
        });
  }

  /**
   * A meter the head-end dialled (R-COL-5) does not announce itself: the head-end knows whom it
   * called, associates with that meter's password and checks its logical device name before the
   * entity hears of the session, so a wrong number never feeds another meter's entity.
   */
  void startDialled(MeterCredentials.Provisioned meter) {
    identifying = true;
    session.onPush(this::onPush);
    channel.closeFuture().addListener(f -> onClosed());
    admission.identifications().admit(channel.eventLoop(), permit -> identifyDialled(meter, permit));
  }

  private void identifyDialled(MeterCredentials.Provisioned meter, Admission.Permit permit) {
    session.associate(Optional.of(Octets.copyOf(meter.llsPassword().getBytes(StandardCharsets.US_ASCII))))
        .thenCompose(association -> new org.adcs.protocol.session.MeterReader(session).logicalDeviceName())
        .whenComplete((name, error) -> {
          if (error != null) {
            permit.release();
            refused(meter, error);
          } else if (!meter.logicalDeviceName().equals(name)) {
            permit.release();
            withMeter(meter.serial(), () -> log.warn("security: dialled {} for meter {} but {} answered; connection"
                + " closed, check its address in provisioning", channel.remoteAddress(), meter.logicalDeviceName(), name));
            channel.close();
          } else {
            announce(meter, permit);
          }
        });
  }

  private void refused(MeterCredentials.Provisioned meter, Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    if (cause instanceof SessionException e && e.reason() == SessionException.Reason.ASSOCIATION_REJECTED) {
      withMeter(meter.serial(), () -> log.warn("security: meter {} refused the provisioned LLS password, connection"
          + " closed; check its credentials", meter.logicalDeviceName()));
    } else {
      withMeter(meter.serial(), () -> log.warn("association with meter {} failed: {}; connection closed",
          meter.logicalDeviceName(), cause.toString()));
    }
    channel.close();
  }

  private void announce(MeterCredentials.Provisioned meter, Admission.Permit permit) {
    Registration registration = new Registration(meter.serial(), meter.logicalDeviceName(), "dlms-lls",
        meter.listens() ? ConnectionKind.HEAD_END_DIALS : ConnectionKind.METER_CONNECTS, meter.address(),
        "provisioning:" + meter.logicalDeviceName());
    meters.meter(meter.serial())
        .<Meter.Reply>ask(replyTo -> new Meter.Announce(registration, clock.instant(), sessionActor(meter.serial()),
            replyTo), askTimeout)
        .whenCompleteAsync((reply, error) -> {
          permit.release();
          if (reply instanceof Meter.Accepted accepted) {
            logicalDeviceName = meter.logicalDeviceName();
            List<DataNotification> waiting;
            synchronized (early) {
              meterId = meter.serial();
              waiting = List.copyOf(early);
              early.clear();
            }
            connected.add(meterId, this);
            withMeter(() -> log.info("meter connected from {}{}", channel.remoteAddress(),
                accepted.changed() ? ", self-registered into the unscheduled read group" : ""));
            clockCheck.runIfDue(meterId, session, channel.eventLoop());
            waiting.forEach(this::onPush);
          } else {
            String why = error != null ? error.toString() : ((Meter.Rejected) reply).reason();
            withMeter(meter.serial(), () -> log.warn("meter {} could not be announced to its entity ({}); connection"
                + " closed, it will dial again", meter.logicalDeviceName(), why));
            channel.close();
          }
        }, channel.eventLoop()); // not a new thread per callback, as in collect
  }

  /** The actor through which this meter's entity reaches this connection, from any node. */
  private ActorRef<MeterRequests.Request> sessionActor(String serial) {
    if (sessionActor == null) {
      sessionActor = system.systemActorOf(MeterSession.create(session, clock, standardTime),
          "meter-session-" + serial + "-" + SESSIONS.incrementAndGet(), Props.empty());
    }
    return sessionActor;
  }

  private void onClosed() {
    if (sessionActor != null) {
      sessionActor.tell(new MeterSession.Stop());
    }
    String id = meterId;
    if (id != null) {
      connected.remove(id, this);
      withMeter(() -> log.info("meter disconnected"));
    }
  }

  private void withMeter(Runnable logLine) {
    withMeter(meterId, logLine);
  }

  private static void withMeter(String id, Runnable logLine) {
    if (id == null) {
      logLine.run();
      return;
    }
    MDC.put("meterId", id);
    try {
      logLine.run();
    } finally {
      MDC.remove("meterId");
    }
  }
}
