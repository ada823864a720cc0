package org.adcs.protocol.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.CosemAttribute;
import org.adcs.protocol.apdu.DataNotification;
import org.adcs.protocol.apdu.GetDataResult;
import org.adcs.protocol.apdu.SelectiveAccess;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObisCode;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.ProfileSelection;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our client and our server over real loopback TCP, in both connection directions (ARCHITECTURE.md, "Data flow"). */
class LoopbackConnectionTest {
    /** A push destination wPort other than the management client that then reads the meter. */
    private static final int PUSH_CLIENT = 102;
    private final EventLoopGroup group = new NioEventLoopGroup(2);
    private final TestMeter meter = new TestMeter();
    private final ClientSettings clientSettings = ClientSettings.lowLevelSecurity(TestMeter.PASSWORD).withMaxReceivePduSize(1024);
    private final ServerSettings serverSettings = ServerSettings.withPassword(TestMeter.PASSWORD);

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void theHeadEndDialsAListeningMeterAndReadsItsProfileInBlocks() throws Exception {
        Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.server(serverSettings, meter.model, WrapperFrame.LOGICAL_DEVICE, h -> { }))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        CompletableFuture<ClientSession> session = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(DlmsChannels.client(clientSettings, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, session::complete))
                .connect(listening.localAddress()).sync();
        ClientSession client = session.get(5, TimeUnit.SECONDS);
        readMeter(client);
        listening.close().sync();
    }

    @Test
    void aMeterDialsTheHeadEndPushesItsNameAndThenServesRequestsOnTheSameConnection() throws Exception {
        CompletableFuture<DataNotification> firstPush = new CompletableFuture<>();
        CompletableFuture<ClientSession> session = new CompletableFuture<>();
        Channel headEnd = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.client(clientSettings, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, s -> {
                    s.onPush(firstPush::complete);
                    session.complete(s);
                }))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        DlmsData name = new DlmsData.OctetString(TestMeter.DEVICE_NAME.getBytes(StandardCharsets.US_ASCII));
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(DlmsChannels.server(serverSettings, meter.model, WrapperFrame.LOGICAL_DEVICE,
                        h -> h.push(PUSH_CLIENT, DlmsData.Structure.of(name), Optional.empty())))
                .connect(headEnd.localAddress()).sync();
        DataNotification push = firstPush.get(5, TimeUnit.SECONDS);
        assertEquals(DlmsData.Structure.of(name), push.body());
        readMeter(session.get(5, TimeUnit.SECONDS));
        headEnd.close().sync();
    }

    @Test
    void aMalformedFrameClosesOnlyItsOwnConnection() throws Exception {
        Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.server(serverSettings, meter.model, WrapperFrame.LOGICAL_DEVICE, h -> { }))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        CompletableFuture<ClientSession> session = new CompletableFuture<>();
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(DlmsChannels.client(clientSettings, WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, session::complete))
                .connect(listening.localAddress()).sync();
        ClientSession healthy = session.get(5, TimeUnit.SECONDS);
        healthy.associate().get(5, TimeUnit.SECONDS);

        try (java.net.Socket rogue = new java.net.Socket("127.0.0.1", ((InetSocketAddress) listening.localAddress()).getPort())) {
            rogue.setSoTimeout(5_000);
            // a well-framed APDU that is garbage inside: an AARQ claiming far more content than present
            rogue.getOutputStream().write(org.adcs.protocol.wrapper.WrapperHeader.encode(
                    new WrapperFrame(1, 1, new byte[] {0x60, (byte) 0x84, 0x7F, 0x7F, 0x7F, 0x7F})));
            assertEquals(-1, rogue.getInputStream().read(), "the server closed the rogue connection");
        }
        assertInstanceOf(GetDataResult.Value.class, healthy.get(new CosemAttribute(8, ObisCode.CLOCK, 2)).get(5, TimeUnit.SECONDS),
                "the other connection is unaffected");
        listening.close().sync();
    }

    private void readMeter(ClientSession client) throws Exception {
        client.associate().get(5, TimeUnit.SECONDS);
        GetDataResult clock = client.get(new CosemAttribute(8, ObisCode.CLOCK, 2)).get(5, TimeUnit.SECONDS);
        assertInstanceOf(GetDataResult.Value.class, clock);
        ProfileSelection.Range lastDay = ProfileSelection.Range.ofTimes(
                CosemDateTime.of(TestMeter.intervalEnd(4320 - 96).atOffset(ZoneOffset.UTC)),
                CosemDateTime.of(TestMeter.NOW.atOffset(ZoneOffset.UTC)));
        GetDataResult buffer = client.get(new CosemAttribute(7, ObisCode.LOAD_PROFILE, 2),
                Optional.of(new SelectiveAccess(1, lastDay.toData()))).get(5, TimeUnit.SECONDS);
        List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(((GetDataResult.Value) buffer).data()).orElseThrow();
        assertEquals(96, rows.size());
        assertEquals(meter.loadProfile.get(4319).elements(), rows.get(95));
        client.release().get(5, TimeUnit.SECONDS);
        assertTrue(!client.isAssociated());
    }
}
