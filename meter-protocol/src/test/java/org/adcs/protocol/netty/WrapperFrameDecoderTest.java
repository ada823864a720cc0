package org.adcs.protocol.netty;

import static org.adcs.protocol.codec.ByteWriter.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.protocol.wrapper.WrapperHeader;
import org.junit.jupiter.api.Test;

class WrapperFrameDecoderTest {
    @Test
    void encodesTheHeaderAsVersionSourceDestinationLength() {
        EmbeddedChannel channel = new EmbeddedChannel(WrapperFrameEncoder.INSTANCE);
        channel.writeOutbound(new WrapperFrame(16, 1, hex("6203800100")));
        ByteBuf out = channel.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertArrayEquals(hex("0001 0010 0001 0005 6203800100"), bytes);
        assertArrayEquals(bytes, WrapperHeader.encode(new WrapperFrame(16, 1, hex("6203800100"))));
    }

    @Test
    void reassemblesFramesSplitAcrossReadsAndSplitsCoalescedOnes() {
        EmbeddedChannel channel = new EmbeddedChannel(new WrapperFrameDecoder(0xFFFF));
        byte[] two = hex("0001000100100003C40101" + "00010001001000026300");
        channel.writeInbound(Unpooled.wrappedBuffer(two, 0, 5));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.wrappedBuffer(two, 5, two.length - 5));
        assertEquals(new WrapperFrame(1, 16, hex("C40101")), channel.readInbound());
        assertEquals(new WrapperFrame(1, 16, hex("6300")), channel.readInbound());
    }

    @Test
    void aWrongVersionClosesTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel(new WrapperFrameDecoder(0xFFFF));
        channel.writeInbound(Unpooled.wrappedBuffer(hex("0002000100100001C0")));
        assertNull(channel.readInbound());
        assertFalse(channel.isOpen());
    }

    @Test
    void aLengthOverTheConfiguredMaximumClosesTheConnectionWithoutWaitingForThePayload() {
        EmbeddedChannel channel = new EmbeddedChannel(new WrapperFrameDecoder(1024));
        channel.writeInbound(Unpooled.wrappedBuffer(hex("000100010010FFFF")));
        assertFalse(channel.isOpen());
    }
}
