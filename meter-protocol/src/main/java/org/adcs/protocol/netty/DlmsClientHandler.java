package org.adcs.protocol.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.adcs.protocol.session.ApduTransport;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;

/**
 * Drives a {@link ClientSession} from a channel, whichever side opened the connection: the
 * head-end dialled a listening meter, or a meter dialled the head-end and now serves it.
 * {@code onActive} runs on the event loop before any frame is read, so a push listener registered
 * there sees the meter's first DataNotification.
 */
public final class DlmsClientHandler extends SimpleChannelInboundHandler<WrapperFrame> {
    private static final byte DATA_NOTIFICATION_TAG = 0x0F;
    private final int clientWPort;
    private final int serverWPort;
    private final ClientSession session;
    private final Consumer<ClientSession> onActive;
    private volatile Channel channel;

    public DlmsClientHandler(ClientSettings settings, int clientWPort, int serverWPort, Consumer<ClientSession> onActive) {
        this.clientWPort = clientWPort;
        this.serverWPort = serverWPort;
        this.onActive = onActive;
        this.session = new ClientSession(settings, new Transport(), (delay, task) -> {
            Channel c = channel;
            if (c == null) {
                return () -> { };
            }
            var future = c.eventLoop().schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        });
    }

    public ClientSession session() {
        return session;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        onActive.accept(session);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        session.onClosed();
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WrapperFrame frame) {
        // pushes may be addressed to a push client wPort other than ours; they belong to this meter all the same
        boolean push = frame.apdu().length > 0 && frame.apdu()[0] == DATA_NOTIFICATION_TAG;
        if (frame.destinationWPort() == clientWPort || push) {
            session.onApdu(frame.apdu());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // I/O failure: this connection only
    }

    private final class Transport implements ApduTransport {
        @Override
        public void send(byte[] apdu) {
            Channel c = channel;
            if (c != null) {
                c.writeAndFlush(new WrapperFrame(clientWPort, serverWPort, apdu));
            }
        }

        @Override
        public void close() {
            Channel c = channel;
            if (c != null) {
                c.close();
            }
        }
    }
}
