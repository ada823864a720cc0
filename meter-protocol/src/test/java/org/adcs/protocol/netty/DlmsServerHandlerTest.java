package org.adcs.protocol.netty;

import static org.adcs.protocol.codec.ByteWriter.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.testing.TestMeter;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.junit.jupiter.api.Test;

class DlmsServerHandlerTest {
    @Test
    void repliesTravelBackWithTheWPortsSwapped() {
        EmbeddedChannel channel = new EmbeddedChannel(new DlmsServerHandler(ServerSettings.withPassword("x"), new TestMeter().model, 1, h -> { }));
        channel.writeInbound(new WrapperFrame(16, 1, hex("6203800100")));
        assertEquals(new WrapperFrame(1, 16, hex("6303800100")), channel.readOutbound());
    }

    @Test
    void framesForAnotherLogicalDeviceAreDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new DlmsServerHandler(ServerSettings.withPassword("x"), new TestMeter().model, 1, h -> { }));
        channel.writeInbound(new WrapperFrame(16, 7, hex("6203800100")));
        assertNull(channel.readOutbound());
    }

    @Test
    void aPeerCyclingThroughClientWPortsIsDisconnected() {
        TestMeter meter = new TestMeter();
        EmbeddedChannel channel = new EmbeddedChannel(new DlmsServerHandler(
                ServerSettings.withPassword("x"), meter.model, 1, h -> { }));
        for (int port = 100; port < 100 + DlmsServerHandler.MAX_CLIENTS_PER_CONNECTION; port++) {
            channel.writeInbound(new WrapperFrame(port, 1, hex("6203800100")));
            assertEquals(new WrapperFrame(1, port, hex("6303800100")), channel.readOutbound());
        }
        channel.writeInbound(new WrapperFrame(999, 1, hex("6203800100")));
        assertFalse(channel.isOpen());
    }

}
