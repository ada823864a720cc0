package org.adcs.headend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.adcs.headend.HeadEnd;
import org.adcs.headend.meter.Meter;
import org.adcs.headend.meter.MeterState;
import org.adcs.headend.testing.ApiClient;
import org.adcs.headend.testing.Await;
import org.adcs.headend.testing.TestNodes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import org.adcs.mdm.reading.MeterEvent;
import org.adcs.mdm.reading.MeterId;
import org.adcs.mdm.vee.ValidatedDay;
import org.adcs.mdm.vee.VeeFlag;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.DailyPushPayload;
import org.adcs.protocol.cosem.DataObject;
import org.adcs.protocol.cosem.ObjectModel;
import org.adcs.protocol.cosem.WritableDataObject;
import org.adcs.protocol.netty.DlmsServerHandler;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meters dialling the real meter port over loopback TCP (R-SCH-1, R-COL-5): provisioned meters
 * register themselves, meters with the wrong password or unknown to provisioning are refused, and
 * garbage closes only its own connection.
 */
class MeterPortIT {

  private static final String GOOD = "ADC0000000000042";
  private static final String WRONG_PASSWORD = "ADC0000000000043";
  private static final String PUSHER = "ADC0000000000044";
  private static final String FAST_CLOCK = "ADC0000000000045";
  private static final String WAY_OFF_CLOCK = "ADC0000000000046";
  private static final String SCHEDULED = "ADC0000000000047";
  private static final String ON_DEMAND = "ADC0000000000048";
  private static HeadEnd headEnd;
  private static final EventLoopGroup meters = new NioEventLoopGroup(1);

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> env = TestNodes.withSharedCassandra(TestNodes.nodeEnvironment("meter-port"), "adcs_port_it");
    Path provisioning = Path.of(env.get("ADCS_DATA_DIR")).resolve("meters.csv");
    Files.writeString(provisioning, "# logical device name, serial, LLS password\n"
        + GOOD + ",SIM00000042," + TestMeter.PASSWORD + "\n"
        + WRONG_PASSWORD + ",SIM00000043," + TestMeter.PASSWORD + "\n"
        + PUSHER + ",SIM00000044," + TestMeter.PASSWORD + "\n"
        + FAST_CLOCK + ",SIM00000045," + TestMeter.PASSWORD + "\n"
        + WAY_OFF_CLOCK + ",SIM00000046," + TestMeter.PASSWORD + "\n"
        + SCHEDULED + ",SIM00000047," + TestMeter.PASSWORD + "\n"
        + ON_DEMAND + ",SIM00000048," + TestMeter.PASSWORD + "\n");
    env.put("ADCS_METERS_PROVISIONING_FILE", provisioning.toString());
    env.put("ADCS_METER_PORT_ANNOUNCE_TIMEOUT", "5s");
    env.put("ADCS_METER_PORT_PARTIAL_FRAME_TIMEOUT", "2s");
    env.put("ADCS_METERS_STANDARD_TIME", "+00:00"); // the test meters keep UTC as their standard time
    headEnd = HeadEnd.start(TestNodes.settings(env));
  }

  @AfterAll
  static void stop() {
    meters.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    if (headEnd != null) {
      headEnd.close();
    }
  }

  /** A simulated meter that dials the head-end and announces {@code name}, knowing {@code password}. */
  private static Channel dial(String name, String password) {
    return dial(name, password, new TestMeter(), new CompletableFuture<>());
  }

  private static Channel dial(String name, String password, TestMeter meter, CompletableFuture<DlmsServerHandler> handler) {
    DlmsData announcement = DlmsData.Structure.of(new DlmsData.OctetString(name.getBytes(StandardCharsets.US_ASCII)));
    return new Bootstrap().group(meters).channel(NioSocketChannel.class)
        .handler(DlmsChannels.server(ServerSettings.withPassword(password), meter.model, WrapperFrame.LOGICAL_DEVICE, h -> {
          h.push(WrapperFrame.MANAGEMENT_CLIENT, announcement, Optional.empty());
          handler.complete(h);
        }))
        .connect(headEnd.meterPort().address()).syncUninterruptibly().channel();
  }

  @Test
  void dailyPushIsStoredByTheEntityThenAcknowledgedAndARepeatChangesNothing_R_COL_1() throws Exception {
    TestMeter meter = new TestMeter();
    WritableDataObject acknowledgement = WritableDataObject.pushAcknowledgement();
    meter.model.add(acknowledgement);
    CompletableFuture<DlmsServerHandler> handler = new CompletableFuture<>();
    Channel channel = dial(PUSHER, TestMeter.PASSWORD, meter, handler);
    await(() -> headEnd.meterPort().connected().isConnected("SIM00000044"), "meter connected");

    DailyPushPayload push = Pushes.daily(PUSHER, LocalDateTime.of(2026, 11, 22, 0, 0));
    handler.get(10, TimeUnit.SECONDS).push(WrapperFrame.MANAGEMENT_CLIENT, push.toData(), Optional.empty());
    DlmsData expectedAck = new DlmsData.OctetString(push.pushTime().toBytes());
    await(() -> expectedAck.equals(acknowledgement.value()), "push acknowledged to the meter");

    MeterState state = status("SIM00000044");
    assertEquals(96, state.intervalsHeld("active-import", LocalDate.of(2026, 11, 21)), "stored before the acknowledgement");
    assertEquals(96, state.intervalsHeld("active-export", LocalDate.of(2026, 11, 21)));
    long lastEvent = state.lastEventSequence();
    assertTrue(lastEvent > 0);

    // The projection takes the journal's data through VEE into the MDM store (Cassandra).
    MeterId meterId = new MeterId("SIM00000044");
    LocalDate day = LocalDate.of(2026, 11, 21);
    await(() -> validated(meterId, org.adcs.mdm.reading.Channel.ACTIVE_IMPORT, day).isPresent(), "validated day in the store");
    ValidatedDay imports = validated(meterId, org.adcs.mdm.reading.Channel.ACTIVE_IMPORT, day).orElseThrow();
    for (int i = 0; i < 96; i++) {
      assertEquals(Pushes.importValue(i), imports.value(i), "interval " + i);
    }
    assertTrue(imports.has(40, VeeFlag.POWER_OUTAGE), "the meter's power-down status bit is kept");
    await(() -> validated(meterId, new org.adcs.mdm.reading.Channel("active-export", "Wh"), day).isPresent(), "export day in the store");
    ValidatedDay exports = validated(meterId, new org.adcs.mdm.reading.Channel("active-export", "Wh"), day).orElseThrow();
    assertEquals(-1, exports.scale(), "0.1 Wh per pulse is kept exactly");
    assertEquals(9, exports.value(95));
    await(() -> events(meterId).size() == 2, "events in the store");

    // The meter did not see the acknowledgement and sends the same push again: nothing changes.
    acknowledgement.set(2, new DlmsData.OctetString(new byte[12]));
    handler.get().push(WrapperFrame.MANAGEMENT_CLIENT, push.toData(), Optional.empty());
    await(() -> expectedAck.equals(acknowledgement.value()), "repeat acknowledged");
    MeterState after = status("SIM00000044");
    assertEquals(state.collected(), after.collected());
    assertEquals(state.lastEventSequence(), after.lastEventSequence());
    channel.close().syncUninterruptibly();
  }

  private static MeterState status(String meterId) throws Exception {
    return headEnd.meters().meter(meterId).<MeterState>ask(Meter.GetStatus::new, Duration.ofSeconds(10))
        .toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void provisionedMeterThatDialsInRegistersItselfAndStaysConnected_R_SCH_1() throws Exception {
    Channel meter = dial(GOOD, TestMeter.PASSWORD);
    await(() -> headEnd.meterPort().connected().isConnected("SIM00000042"), "meter connected");
    MeterState state = status("SIM00000042");
    assertTrue(state.registered());
    assertEquals(GOOD, state.registration().logicalDeviceName());
    assertEquals(MeterState.UNSCHEDULED, state.readGroup());
    assertTrue(meter.isActive(), "the connection is kept for later requests");

    // Garbage on another connection closes that connection only.
    try (java.net.Socket rogue = new java.net.Socket("127.0.0.1", headEnd.meterPort().address().getPort())) {
      rogue.setSoTimeout(10_000);
      rogue.getOutputStream().write(new byte[] {0x00, 0x07, 0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x01, 0x02});
      assertEquals(-1, rogue.getInputStream().read(), "the head-end closed the rogue connection");
    }
    assertTrue(meter.isActive());
    assertTrue(headEnd.meterPort().connected().isConnected("SIM00000042"));
    meter.close().syncUninterruptibly();
    await(() -> !headEnd.meterPort().connected().isConnected("SIM00000042"), "meter disconnected");
  }

  @Test
  void defaultReadTimeIsWrittenToTheConnectedMeterAndAcknowledged_R_SCH_3() throws Exception {
    TestMeter meter = new TestMeter();
    Channel channel = dial(SCHEDULED, TestMeter.PASSWORD, meter, new CompletableFuture<>());
    await(() -> headEnd.meterPort().connected().isConnected("SIM00000047"), "meter connected");
    Meter.Reply assigned = headEnd.meters().meter("SIM00000047").<Meter.Reply>ask(replyTo ->
        new Meter.AssignDefaultSchedule(5, java.time.LocalTime.of(1, 40), "scheduler", replyTo), Duration.ofSeconds(10))
        .toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertEquals(new Meter.Accepted(true), assigned);
    await(() -> statusUnchecked("SIM00000047").defaultSchedule().acknowledged(), "schedule acknowledged");
    assertEquals(org.adcs.protocol.cosem.SingleActionScheduleObject.onceADayAt(java.time.LocalTime.of(1, 40)),
        meter.pushSchedule.executionTimes(), "the meter holds the new push time");
    assertEquals(5, statusUnchecked("SIM00000047").readGroup());
    channel.close().syncUninterruptibly();
  }

  @Test
  void onDemandReadReturnsTodaysDataInEngineeringUnitsAndStoresIt_R_OD_1() throws Exception {
    java.time.Instant now = java.time.Instant.now();
    java.time.LocalDate today = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
    int complete = (int) (Duration.between(today.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), now).toMinutes() / 15);
    java.util.List<DlmsData.Structure> rows = new java.util.ArrayList<>();
    for (int i = 0; i < complete; i++) {
      java.time.Instant end = today.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plus(Duration.ofMinutes(15L * (i + 1)));
      rows.add(DlmsData.Structure.of(new DlmsData.OctetString(org.adcs.protocol.cosem.CosemDateTime.of(
              end.atOffset(java.time.ZoneOffset.UTC)).toBytes()), new DlmsData.UInt8(0),
          new DlmsData.UInt32(500 + i), new DlmsData.UInt32(i)));
    }
    ObjectModel model = new ObjectModel()
        .add(DataObject.logicalDeviceName(ON_DEMAND))
        .add(new ClockObject(java.time.Clock.systemUTC(), java.time.ZoneOffset.UTC))
        .add(new org.adcs.protocol.cosem.RegisterObject(org.adcs.protocol.cosem.ObisCode.ACTIVE_ENERGY_IMPORT,
            new org.adcs.protocol.cosem.ScalerUnit(-1, org.adcs.protocol.cosem.ScalerUnit.UNIT_WH),
            () -> new DlmsData.UInt32(123_456_7)))
        .add(new org.adcs.protocol.cosem.RegisterObject(org.adcs.protocol.cosem.ObisCode.ACTIVE_ENERGY_EXPORT,
            new org.adcs.protocol.cosem.ScalerUnit(0, org.adcs.protocol.cosem.ScalerUnit.UNIT_WH), () -> new DlmsData.UInt32(42)))
        .add(new org.adcs.protocol.cosem.ProfileGenericObject(org.adcs.protocol.cosem.ObisCode.LOAD_PROFILE,
            TestMeter.LOAD_PROFILE_COLUMNS, 900, 4320, () -> rows))
        .add(org.adcs.protocol.cosem.EventLog.standard(100, () -> java.util.List.of()));
    DlmsData announcement = DlmsData.Structure.of(new DlmsData.OctetString(ON_DEMAND.getBytes(StandardCharsets.US_ASCII)));
    Channel channel = new Bootstrap().group(meters).channel(NioSocketChannel.class)
        .handler(DlmsChannels.server(ServerSettings.withPassword(TestMeter.PASSWORD), model, WrapperFrame.LOGICAL_DEVICE,
            h -> h.push(WrapperFrame.MANAGEMENT_CLIENT, announcement, Optional.empty())))
        .connect(headEnd.meterPort().address()).syncUninterruptibly().channel();
    await(() -> headEnd.meterPort().connected().isConnected("SIM00000048"), "meter connected");

    ApiClient api = new ApiClient(headEnd.httpUrl());
    String operator = api.tokenFor("on-demand-operator", "operator");
    java.net.http.HttpResponse<String> response = api.send("POST", "/api/v1/meters/SIM00000048/reads", operator, null);
    assertEquals(200, response.statusCode(), response.body());
    var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    assertEquals(ON_DEMAND, body.get("logicalDeviceName").asText());
    assertEquals(0, new java.math.BigDecimal("123456.7").compareTo(body.at("/registers/0/value").decimalValue()),
        "the register's scaler is applied (R-COL-2)");
    assertEquals(2 * complete, body.get("intervals").size(), "all complete intervals since midnight, both channels");
    if (complete > 0) {
      assertEquals(0, new java.math.BigDecimal("50.0").compareTo(body.at("/intervals/0/value").decimalValue()),
          "500 pulses at the import register's 0.1 Wh");
      await(() -> statusUnchecked("SIM00000048").intervalsHeld("active-import", today) == complete, "stored as ON_DEMAND");
    }

    // Asynchronously: a request id at once, the same answer fetched when the read is done.
    java.net.http.HttpResponse<String> accepted = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(headEnd.httpUrl() + "/api/v1/meters/SIM00000048/reads"))
            .header("Prefer", "respond-async").header("Authorization", "Bearer " + operator)
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(202, accepted.statusCode(), accepted.body());
    String location = accepted.headers().firstValue("Location").orElseThrow();
    java.net.http.HttpResponse<String>[] fetched = new java.net.http.HttpResponse[1];
    await(() -> {
      fetched[0] = api.send("GET", location, operator, null);
      return fetched[0].statusCode() != 202;
    }, "asynchronous read done");
    assertEquals(200, fetched[0].statusCode(), fetched[0].body());
    var later = new com.fasterxml.jackson.databind.ObjectMapper().readTree(fetched[0].body());
    assertEquals(body.get("registers"), later.get("registers"));
    assertEquals(body.get("intervals").size(), later.get("intervals").size());
    assertEquals(404, api.send("GET", "/api/v1/reads/no-such-request", operator, null).statusCode());
    // The result is its requester's (and operators'): to another caller the request id does not exist.
    String fieldTool = api.tokenFor("async-read-field-tablet", "field-tool");
    assertEquals(404, api.send("GET", location, fieldTool, null).statusCode(), "another caller's read");

    // Unknown and unconnected meters get problem answers, not a 500.
    assertEquals(404, api.send("POST", "/api/v1/meters/NOSUCHMETER/reads", operator, null).statusCode());
    assertEquals(400, api.send("POST", "/api/v1/meters/bad%20id/reads", operator, null).statusCode());
    channel.close().syncUninterruptibly();
  }

  @Test
  void meterThatRefusesTheProvisionedPasswordIsDisconnectedAndNotRegistered() throws Exception {
    Channel meter = dial(WRONG_PASSWORD, "not-the-provisioned-one");
    assertTrue(meter.closeFuture().await(20, TimeUnit.SECONDS), "the head-end closed the connection");
    assertFalse(status("SIM00000043").registered());
  }

  @Test
  void meterUnknownToProvisioningIsRefused() throws Exception {
    Channel meter = dial("ADC9999999999999", TestMeter.PASSWORD);
    assertTrue(meter.closeFuture().await(20, TimeUnit.SECONDS), "the head-end closed the connection");
    assertFalse(status("ADC9999999999999").registered());
  }

  @Test
  void connectedMeterThatStopsInTheMiddleOfAFrameIsDisconnectedButAnIdleOneIsKept() throws Exception {
    Channel idle = dial(GOOD, TestMeter.PASSWORD);
    await(() -> headEnd.meterPort().connected().isConnected("SIM00000042"), "meter connected");
    try (java.net.Socket slow = new java.net.Socket("127.0.0.1", headEnd.meterPort().address().getPort())) {
      slow.setSoTimeout(20_000);
      slow.getOutputStream().write(new byte[] {0x00, 0x01, 0x00, 0x01}); // half a wrapper header, then silence
      long start = System.nanoTime();
      assertEquals(-1, slow.getInputStream().read(), "closed after the partial-frame timeout");
      assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 4_900, "before the 5 s announce timeout");
    }
    assertTrue(idle.isActive(), "a meter idle between frames stays connected");
    idle.close().syncUninterruptibly();
  }

  @Test
  void connectionThatNeverAnnouncesItselfIsClosedAfterTheAnnounceTimeout() throws Exception {
    try (java.net.Socket silent = new java.net.Socket("127.0.0.1", headEnd.meterPort().address().getPort())) {
      silent.setSoTimeout(20_000);
      assertEquals(-1, silent.getInputStream().read(), "closed after the 5 s announce timeout");
    }
  }

  /** A meter whose clock runs {@code offset} ahead of true time. */
  private static ClockObject meterClockOff(String name, Duration offset) {
    ClockObject clock = new ClockObject(java.time.Clock.offset(java.time.Clock.systemUTC(), offset), java.time.ZoneOffset.UTC);
    ObjectModel model = new ObjectModel().add(DataObject.logicalDeviceName(name)).add(clock);
    DlmsData announcement = DlmsData.Structure.of(new DlmsData.OctetString(name.getBytes(StandardCharsets.US_ASCII)));
    new Bootstrap().group(meters).channel(NioSocketChannel.class)
        .handler(DlmsChannels.server(ServerSettings.withPassword(TestMeter.PASSWORD), model, WrapperFrame.LOGICAL_DEVICE,
            h -> h.push(WrapperFrame.MANAGEMENT_CLIENT, announcement, Optional.empty())))
        .connect(headEnd.meterPort().address()).syncUninterruptibly();
    return clock;
  }

  @Test
  void clockThirtySecondsOffIsCorrectedAndTwoHundredSecondsOffRaisesAClockEvent_R_CLK_1() throws Exception {
    ClockObject fast = meterClockOff(FAST_CLOCK, Duration.ofSeconds(30));
    ClockObject wayOff = meterClockOff(WAY_OFF_CLOCK, Duration.ofSeconds(-200));
    // Up to a minute: a correction due within 30 s of an interval boundary waits until it has passed (R-CLK-2).
    await(() -> Math.abs(Duration.between(java.time.Instant.now(), fast.now()).toSeconds()) <= 2, "fast clock corrected", 90);
    await(() -> statusUnchecked("SIM00000045").clock().lastChecked() != null
        && Duration.ZERO.equals(statusUnchecked("SIM00000045").clock().lastDrift()), "correction recorded", 30);
    await(() -> statusUnchecked("SIM00000046").clock().needsAttention(), "clock event raised", 30);
    assertEquals(-200, statusUnchecked("SIM00000046").clock().lastDrift().toSeconds(), 2);
    assertTrue(Duration.between(java.time.Instant.now(), wayOff.now()).toSeconds() <= -195, "left alone");
  }

  private static MeterState statusUnchecked(String meterId) {
    try {
      return status(meterId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<ValidatedDay> validated(MeterId meter, org.adcs.mdm.reading.Channel channel, LocalDate day) {
    return headEnd.bridge().store().intervals().validatedAsOf(meter, channel, day, Long.MAX_VALUE)
        .toCompletableFuture().join();
  }

  private static java.util.List<MeterEvent> events(MeterId meter) {
    return headEnd.bridge().store().events().events(meter, LocalDateTime.of(2026, 11, 1, 0, 0),
        LocalDateTime.of(2026, 12, 1, 0, 0)).toCompletableFuture().join();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    await(condition, what, 30);
  }

  private static void await(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
    Await.until(what, Duration.ofSeconds(seconds), condition::getAsBoolean);
  }
}
