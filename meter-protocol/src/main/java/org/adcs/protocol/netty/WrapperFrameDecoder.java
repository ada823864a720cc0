package org.adcs.protocol.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.adcs.protocol.wrapper.WrapperFrame;

/**
 * Cuts the TCP byte stream into IEC 62056-47 wrapper frames. The header is validated before the
 * payload is awaited: a wrong version or a length over the configured maximum closes this
 * connection at once, without buffering (or allocating for) the announced payload.
 */
public final class WrapperFrameDecoder extends ByteToMessageDecoder {
    private final int maxApduSize;

    /** True while bytes of an incomplete frame are buffered: a peer that stops mid-frame holds them. */
    public boolean holdsPartialFrame() {
        return actualReadableBytes() > 0;
    }

    public WrapperFrameDecoder(int maxApduSize) {
        this.maxApduSize = maxApduSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= WrapperFrame.HEADER_LENGTH) {
            int start = in.readerIndex();
            int version = in.getUnsignedShort(start);
            int length = in.getUnsignedShort(start + 6);
            if (version != WrapperFrame.VERSION || length > maxApduSize) {
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            if (in.readableBytes() < WrapperFrame.HEADER_LENGTH + length) {
                return;
            }
            int source = in.getUnsignedShort(start + 2);
            int destination = in.getUnsignedShort(start + 4);
            in.skipBytes(WrapperFrame.HEADER_LENGTH);
            byte[] apdu = new byte[length];
            in.readBytes(apdu);
            out.add(new WrapperFrame(source, destination, apdu));
        }
    }
}
