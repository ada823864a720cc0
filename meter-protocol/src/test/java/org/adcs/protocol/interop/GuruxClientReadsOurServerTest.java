package org.adcs.protocol.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gurux.dlms.GXDateTime;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.Unit;
import gurux.dlms.objects.GXDLMSActionSchedule;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXDLMSRegister;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.Aarq;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gurux 4.0.47's client (GPL, test scope only) reads our Netty server over loopback TCP. */
class GuruxClientReadsOurServerTest {
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final TestMeter meter = new TestMeter();
    private Channel server;

    @BeforeEach
    void start() throws InterruptedException {
        // cap our APDUs at 1 KiB so the 45-day profile needs block transfer whatever the client proposes,
        // and accept only 128-byte APDUs so a long schedule must be written in SET blocks
        ServerSettings settings = ServerSettings.withPassword(TestMeter.PASSWORD).withMaxSendPduSize(1024).withMaxReceivePduSize(128);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.server(settings, meter.model, WrapperFrame.LOGICAL_DEVICE, h -> { }))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private GuruxClientOverSocket connect() throws Exception {
        return new GuruxClientOverSocket((InetSocketAddress) server.localAddress(), WrapperFrame.MANAGEMENT_CLIENT,
                WrapperFrame.LOGICAL_DEVICE, TestMeter.PASSWORD);
    }

    @Test
    void associatesWithLlsAndReadsClockAndRegisterWithScalerUnit() throws Exception {
        try (GuruxClientOverSocket gurux = connect()) {
            gurux.associate();
            GXDLMSClock clock = new GXDLMSClock("0.0.1.0.0.255");
            gurux.read(clock, 2);
            assertEquals(Date.from(TestMeter.NOW), clock.getTime().getMeterCalendar().getTime());
            GXDLMSRegister register = new GXDLMSRegister("1.0.1.8.0.255");
            gurux.read(register, 3);
            gurux.read(register, 2);
            assertEquals(Unit.ACTIVE_ENERGY, register.getUnit());
            assertEquals(1.0, register.getScaler());
            assertEquals(TestMeter.IMPORT_WH, ((Number) register.getValue()).longValue());
            gurux.release();

            Aarq aarq = (Aarq) ApduCodec.decode(Arrays.copyOfRange(gurux.sent.get(0), 8, gurux.sent.get(0).length), Limits.DEFAULT).orElseThrow();
            System.out.printf("Gurux AARQ proposes %s, max PDU %04X%n", aarq.proposedConformance(), aarq.clientMaxReceivePduSize());
        }
    }

    @Test
    void readsOurAssociationObjectListAndFindsEveryObject() throws Exception {
        try (GuruxClientOverSocket gurux = connect()) {
            gurux.associate();
            GXDLMSAssociationLogicalName association = new GXDLMSAssociationLogicalName();
            gurux.read(association, 2);
            assertEquals(meter.model.objects().size(), association.getObjectList().size());
            assertTrue(association.getObjectList().findByLN(ObjectType.PROFILE_GENERIC, "1.0.99.1.0.255") != null);
            assertTrue(association.getObjectList().findByLN(ObjectType.PUSH_SETUP, "0.1.25.9.0.255") != null);
            assertTrue(association.getObjectList().findByLN(ObjectType.ACTION_SCHEDULE, "0.0.15.0.4.255") != null);
        }
    }

    @Test
    void setsTheClockAndTheMeterTakesTheCorrection() throws Exception {
        try (GuruxClientOverSocket gurux = connect()) {
            gurux.associate();
            GXDLMSClock clock = new GXDLMSClock("0.0.1.0.0.255");
            clock.setTime(new GXDateTime(Date.from(TestMeter.NOW.plusSeconds(30))));
            gurux.write(clock, 2);
            assertEquals(TestMeter.NOW.plusSeconds(30), meter.clock.now());
        }
    }

    @Test
    void writesAPushScheduleTooLongForOneApduInSetBlocks() throws Exception {
        try (GuruxClientOverSocket gurux = connect()) {
            gurux.associate();
            GXDLMSActionSchedule schedule = new GXDLMSActionSchedule("0.0.15.0.4.255");
            GXDateTime[] times = new GXDateTime[24];
            for (int h = 0; h < 24; h++) {
                times[h] = new GXDateTime(-1, -1, -1, h, 20, 0, 0);
            }
            schedule.setExecutionTime(times);
            gurux.write(schedule, 4);
            assertEquals(24, meter.pushSchedule.executionTimes().elements().size());
            long blocks = gurux.sent.stream().filter(r -> r.length > 9 && (r[8] & 0xFF) == 0xC1 && (r[9] == 2 || r[9] == 3)).count();
            assertTrue(blocks >= 2, "SET with data blocks: " + blocks);
        }
    }

    @Test
    void readsFortyFiveDaysOfFifteenMinuteProfileByRangeInBlocks() throws Exception {
        try (GuruxClientOverSocket gurux = connect()) {
            gurux.associate();
            GXDLMSProfileGeneric profile = new GXDLMSProfileGeneric("1.0.99.1.0.255");
            gurux.read(profile, 3); // capture objects first: Gurux builds its range request from them
            Date from = Date.from(TestMeter.intervalEnd(0));
            Date to = Date.from(TestMeter.NOW);
            gurux.readAll(gurux.client.readRowsByRange(profile, new GXDateTime(from), new GXDateTime(to)), profile, 2);
            Object[] rows = profile.getBuffer();
            assertEquals(TestMeter.DAYS * TestMeter.INTERVALS_PER_DAY, rows.length);
            Object[] last = (Object[]) rows[rows.length - 1];
            assertEquals(100_000L + 25L * 4319, ((Number) last[2]).longValue());
            long nextRequests = gurux.sent.stream().filter(r -> r.length > 9 && (r[8] & 0xFF) == 0xC0 && r[9] == 2).count();
            assertTrue(nextRequests > 100, "block transfer: " + nextRequests + " GET-Request next");
        }
    }
}
