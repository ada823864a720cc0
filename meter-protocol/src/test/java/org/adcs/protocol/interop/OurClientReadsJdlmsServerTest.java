package org.adcs.protocol.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.ProfileSelection;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our Netty client reads a jDLMS 1.8.0 server over loopback TCP. */
class OurClientReadsJdlmsServerTest {
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final TestMeter meter = new TestMeter();
    private JdlmsTestServer jdlms;
    private final java.util.concurrent.atomic.AtomicInteger getNextRequests = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        jdlms = new JdlmsTestServer(meter);
    }

    @AfterEach
    void stop() throws Exception {
        jdlms.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ClientSession connect(ClientSettings settings) throws Exception {
        CompletableFuture<ClientSession> session = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new io.netty.channel.ChannelInitializer<io.netty.channel.socket.SocketChannel>() {
                    @Override
                    protected void initChannel(io.netty.channel.socket.SocketChannel ch) {
                        ch.pipeline().addLast(new io.netty.channel.ChannelOutboundHandlerAdapter() {
                            @Override
                            public void write(io.netty.channel.ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
                                io.netty.buffer.ByteBuf frame = (io.netty.buffer.ByteBuf) msg;
                                if (frame.readableBytes() > 9 && frame.getUnsignedByte(8) == 0xC0 && frame.getByte(9) == 2) {
                                    getNextRequests.incrementAndGet();
                                }
                                ctx.write(msg, promise);
                            }
                        });
                        ch.pipeline().addLast(DlmsChannels.client(settings, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, session::complete));
                    }
                })
                .connect(new InetSocketAddress("127.0.0.1", jdlms.port)).sync();
        return session.get(5, TimeUnit.SECONDS);
    }

    private static DlmsData value(CompletableFuture<GetDataResult> f) throws Exception {
        return ((GetDataResult.Value) f.get(10, TimeUnit.SECONDS)).data();
    }

    @Test
    void associatesWithLlsAndReadsClockRegisterAndScalerUnit() throws Exception {
        ClientSession client = connect(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD));
        System.out.println("jDLMS server negotiated " + client.associate().get(5, TimeUnit.SECONDS));
        DlmsData time = value(client.get(new CosemAttribute(8, ObisCode.CLOCK, 2)));
        assertEquals(TestMeter.NOW, ClockObject.parseTime(time).flatMap(CosemDateTime::toOffsetDateTime).orElseThrow().toInstant());
        assertEquals(TestMeter.IMPORT_WH, value(client.get(new CosemAttribute(3, ObisCode.ACTIVE_ENERGY_IMPORT, 2))).asLong());
        assertEquals(Optional.of(TestMeter.ENERGY_SCALER_UNIT),
                ScalerUnit.fromData(value(client.get(new CosemAttribute(3, ObisCode.ACTIVE_ENERGY_IMPORT, 3)))));
        client.release().get(5, TimeUnit.SECONDS);
    }

    @Test
    void readsFortyFiveDaysOfFifteenMinuteProfileByRangeInBlocks() throws Exception {
        ClientSession client = connect(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD).withMaxReceivePduSize(1024));
        client.associate().get(5, TimeUnit.SECONDS);
        ProfileSelection.Range all = ProfileSelection.Range.ofTimes(
                CosemDateTime.of(TestMeter.intervalEnd(0).atOffset(ZoneOffset.UTC)),
                CosemDateTime.of(TestMeter.NOW.atOffset(ZoneOffset.UTC)));
        DlmsData buffer = value(client.get(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2),
                Optional.of(new SelectiveAccess(ProfileSelection.RANGE_SELECTOR, all.toData()))));
        List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(buffer).orElseThrow();
        assertEquals(TestMeter.DAYS * TestMeter.INTERVALS_PER_DAY, rows.size());
        assertEquals(meter.loadProfile.get(4319).elements(), rows.get(4319));
        org.junit.jupiter.api.Assertions.assertTrue(getNextRequests.get() > 100, "block transfer: " + getNextRequests + " GET-Request next");
    }
}
