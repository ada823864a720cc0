package org.adcs.protocol.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.adcs.protocol.wrapper.WrapperFrame;

/** Writes wrapper frames: {@code 0001 | source wPort | destination wPort | length | APDU}. Stateless, so shareable. */
@ChannelHandler.Sharable
public final class WrapperFrameEncoder extends MessageToByteEncoder<WrapperFrame> {
    public static final WrapperFrameEncoder INSTANCE = new WrapperFrameEncoder();

    @Override
    protected void encode(ChannelHandlerContext ctx, WrapperFrame frame, ByteBuf out) {
        out.writeShort(WrapperFrame.VERSION).writeShort(frame.sourceWPort()).writeShort(frame.destinationWPort())
                .writeShort(frame.apdu().length).writeBytes(frame.apdu());
    }
}
