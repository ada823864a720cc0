package org.adcs.protocol.netty;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.adcs.protocol.axdr.DlmsData;
import org.adcs.protocol.cosem.CosemDateTime;
import org.adcs.protocol.cosem.ObjectModel;
import org.adcs.protocol.session.ServerReply;
import org.adcs.protocol.session.ServerSession;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.wrapper.WrapperFrame;

/**
 * Serves a meter's object model on one channel, whichever side opened it. Keeps one
 * {@link ServerSession} per client wPort, used only on the channel's event loop; a malformed
 * APDU closes this channel only.
 */
public final class DlmsServerHandler extends SimpleChannelInboundHandler<WrapperFrame> {
    /** Public, management and a push client, with room to spare. */
    static final int MAX_CLIENTS_PER_CONNECTION = 8;
    private final ServerSettings settings;
    private final ObjectModel model;
    private final int logicalDevice;
    private final Consumer<DlmsServerHandler> onActive;
    private final Map<Integer, ServerSession> sessions = new HashMap<>();
    private volatile ChannelHandlerContext context;

    public DlmsServerHandler(ServerSettings settings, ObjectModel model, int logicalDevice, Consumer<DlmsServerHandler> onActive) {
        this.settings = settings;
        this.model = model;
        this.logicalDevice = logicalDevice;
        this.onActive = onActive;
    }

    /** Sends a DataNotification to the head-end's client wPort, e.g. the identifying push after dialling in. */
    public ChannelFuture push(int clientWPort, DlmsData body, Optional<CosemDateTime> time) {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("channel not active");
        }
        // sessions are confined to the event loop, so a push from another thread hops onto it
        ChannelPromise promise = ctx.newPromise();
        ctx.executor().execute(() -> {
            byte[] apdu = sessionFor(clientWPort).dataNotification(body, time);
            ctx.writeAndFlush(new WrapperFrame(logicalDevice, clientWPort, apdu), promise);
        });
        return promise;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        context = ctx;
        onActive.accept(this);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WrapperFrame frame) {
        if (frame.destinationWPort() != logicalDevice) {
            return; // not addressed to this logical device: discard, as the wrapper layer does
        }
        if (!sessions.containsKey(frame.sourceWPort()) && sessions.size() >= MAX_CLIENTS_PER_CONNECTION) {
            ctx.close(); // a peer cycling through client wPorts would otherwise grow our state without bound
            return;
        }
        ServerReply reply = sessionFor(frame.sourceWPort()).onApdu(frame.apdu());
        if (reply instanceof ServerReply.Send send) {
            ctx.writeAndFlush(frame.reply(send.apdu()));
        } else if (reply instanceof ServerReply.Close) {
            ctx.close();
        }
    }

    private ServerSession sessionFor(int clientWPort) {
        return sessions.computeIfAbsent(clientWPort, port -> new ServerSession(settings, model, port));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
