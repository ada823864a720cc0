package org.adcs.protocol.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>Pushes (a day of intervals each) can be decoded off the event loop, on an executor of a
 * {@code pushDecoding} group chosen per connection so a meter's pushes keep their order: a night's
 * burst of thousands of pushes then queues there instead of in front of the responses that on-demand
 * reads wait for on the same event loops.
 */
public final class DlmsClientHandler extends SimpleChannelInboundHandler<WrapperFrame> {
    private static final byte DATA_NOTIFICATION_TAG = 0x0F;
    private final int clientWPort;
    private final int serverWPort;
    private final ClientSession session;
    private final Consumer<ClientSession> onActive;
    private final EventExecutorGroup pushDecoding;
    private volatile Channel channel;
    private volatile EventExecutor pushExecutor;

    public DlmsClientHandler(ClientSettings settings, int clientWPort, int serverWPort, Consumer<ClientSession> onActive) {
        this(settings, clientWPort, serverWPort, onActive, null);
    }

    /** @param pushDecoding where pushes are decoded and handed to the push listener; null: on the event loop */
    public DlmsClientHandler(ClientSettings settings, int clientWPort, int serverWPort, Consumer<ClientSession> onActive,
                             EventExecutorGroup pushDecoding) {
        this.pushDecoding = pushDecoding;
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
        if (pushDecoding != null) {
            pushExecutor = pushDecoding.next();
        }
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
        if (push && pushExecutor != null) {
            byte[] apdu = frame.apdu();
            try {
                pushExecutor.execute(() -> session.onApdu(apdu));
                return;
            } catch (RejectedExecutionException full) {
                // Its queue is full (or it is shutting down): decode here. The event loop slows down
                // rather than a push being dropped; an overloaded meter port loses nothing.
            }
        }
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
