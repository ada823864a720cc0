package org.adcs.protocol.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.adcs.protocol.apdu.Aarq;
import org.adcs.protocol.apdu.ApduCodec;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.codec.ByteWriter;
import org.adcs.protocol.codec.Limits;
import org.adcs.protocol.cosem.ClockObject;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ProfileGenericObject;
import org.adcs.protocol.cosem.ProfileSelection;
import org.adcs.protocol.cosem.ScalerUnit;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAddress;
import org.openmuc.jdlms.AuthenticationMechanism;
import org.openmuc.jdlms.DlmsConnection;
import org.openmuc.jdlms.GetResult;
import org.openmuc.jdlms.RawMessageData;
import org.openmuc.jdlms.SecuritySuite;
import org.openmuc.jdlms.SelectiveAccessDescription;
import org.openmuc.jdlms.TcpConnectionBuilder;

/** jDLMS 1.8.0's client (GPL, test scope only) reads our Netty server over loopback TCP. */
class JdlmsClientReadsOurServerTest {
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final TestMeter meter = new TestMeter();
    private Channel server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(DlmsChannels.server(ServerSettings.withPassword(TestMeter.PASSWORD), meter.model, WrapperFrame.LOGICAL_DEVICE, h -> { }))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** APDUs as captured by jDLMS itself (wrapper header stripped where present), with their direction. */
    private final List<RawMessageData> captured = new CopyOnWriteArrayList<>();

    private List<byte[]> apdus(RawMessageData.MessageSource source) {
        List<byte[]> out = new ArrayList<>();
        for (RawMessageData m : captured) {
            if (m.getMessageSource() == source) {
                byte[] raw = m.getMessage();
                boolean wrapped = raw.length >= 8 && raw[0] == 0 && raw[1] == 1;
                out.add(wrapped ? Arrays.copyOfRange(raw, 8, raw.length) : raw);
            }
        }
        return out;
    }

    private DlmsConnection connect(String password) throws IOException {
        return new TcpConnectionBuilder(InetAddress.getLoopbackAddress())
                .setRawMessageListener(captured::add)
                .setPort(((InetSocketAddress) server.localAddress()).getPort())
                .setClientId(WrapperFrame.MANAGEMENT_CLIENT)
                .setLogicalDeviceId(WrapperFrame.LOGICAL_DEVICE)
                .setSecuritySuite(SecuritySuite.builder().setAuthenticationMechanism(AuthenticationMechanism.LOW)
                        .setPassword(password.getBytes(StandardCharsets.US_ASCII)).build())
                .setResponseTimeout(10_000)
                .build();
    }

    private static DlmsData read(DlmsConnection c, AttributeAddress address) throws IOException {
        GetResult result = c.get(address);
        assertEquals(AccessResultCode.SUCCESS, result.getResultCode(), address.toString());
        return JdlmsData.fromJdlms(result.getResultData());
    }

    @Test
    void associatesWithLlsAndReadsClockRegisterAndScalerUnit() throws IOException {
        try (DlmsConnection c = connect(TestMeter.PASSWORD)) {
            DlmsData time = read(c, new AttributeAddress(8, "0.0.1.0.0.255", 2));
            assertEquals(TestMeter.NOW, ClockObject.parseTime(time).flatMap(CosemDateTime::toOffsetDateTime).orElseThrow().toInstant());
            assertEquals(TestMeter.IMPORT_WH, read(c, new AttributeAddress(3, "1.0.1.8.0.255", 2)).asLong());
            assertEquals(Optional.of(TestMeter.ENERGY_SCALER_UNIT), ScalerUnit.fromData(read(c, new AttributeAddress(3, "1.0.1.8.0.255", 3))));
        }
    }

    @Test
    void readsFortyFiveDaysOfFifteenMinuteProfileWithARangeSelection() throws IOException {
        ProfileSelection.Range all = ProfileSelection.Range.ofTimes(
                CosemDateTime.of(TestMeter.intervalEnd(0).atOffset(ZoneOffset.UTC)),
                CosemDateTime.of(TestMeter.NOW.atOffset(ZoneOffset.UTC)));
        try (DlmsConnection c = connect(TestMeter.PASSWORD)) {
            DlmsData buffer = read(c, new AttributeAddress(7, "1.0.99.1.0.255", 2,
                    new SelectiveAccessDescription(1, JdlmsData.toJdlms(all.toData()))));
            List<List<DlmsData>> rows = ProfileGenericObject.parseBuffer(buffer).orElseThrow();
            assertEquals(TestMeter.DAYS * TestMeter.INTERVALS_PER_DAY, rows.size());
            assertEquals(meter.loadProfile.get(0).elements(), rows.get(0));
            assertEquals(meter.loadProfile.get(4319).elements(), rows.get(4319));
        }
        long blocks = apdus(RawMessageData.MessageSource.SERVER).stream()
                .filter(a -> a.length > 1 && (a[0] & 0xFF) == 0xC4 && a[1] == 2).count();
        assertTrue(blocks >= 2, "45 days do not fit one 64 KiB APDU, so they came in blocks: " + blocks);
    }

    @Test
    void jdlmsAarqDecodesWithOurCodecAndProposesWhatThePeerIsKnownToPropose() throws IOException {
        try (DlmsConnection c = connect(TestMeter.PASSWORD)) {
            read(c, new AttributeAddress(1, "0.0.42.0.0.255", 2));
        }
        byte[] aarqBytes = apdus(RawMessageData.MessageSource.CLIENT).get(0);
        Aarq aarq = (Aarq) ApduCodec
                .decode(aarqBytes, Limits.DEFAULT).orElseThrow();
        System.out.printf("jDLMS AARQ: %s -> %s%n", ByteWriter.toHex(aarqBytes), aarq);
        assertEquals(0xFFFF, aarq.clientMaxReceivePduSize());
        assertEquals(0x00FE1D, aarq.proposedConformance().bits());
        assertArrayEquals(aarqBytes, ApduCodec.encode(aarq),
                "we encode the same AARQ byte for byte");
        assertEquals(org.adcs.protocol.apdu.AuthenticationMechanism.LOW, aarq.mechanism());
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThrows(IOException.class, () -> connect("wrong").close());
    }
}
