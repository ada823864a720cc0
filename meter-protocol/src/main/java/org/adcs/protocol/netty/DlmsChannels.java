package org.adcs.protocol.netty;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Consumer;
import org.adcs.protocol.cosem.ObjectModel;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.ServerSettings;

/**
 * Pipelines, one job per handler: wrapper framing, then the session driver. Use {@link #client} on
 * whichever side is the DLMS client (head-end) and {@link #server} on the meter, independent of
 * which side connected.
 */
public final class DlmsChannels {
    private DlmsChannels() {
    }

    public static ChannelInitializer<SocketChannel> client(ClientSettings settings, int clientWPort, int serverWPort,
                                                           Consumer<ClientSession> onActive) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("wrapper-decoder", new WrapperFrameDecoder(settings.limits().maxApduSize()))
                        .addLast("wrapper-encoder", WrapperFrameEncoder.INSTANCE)
                        .addLast("dlms-client", new DlmsClientHandler(settings, clientWPort, serverWPort, onActive));
            }
        };
    }

    public static ChannelInitializer<SocketChannel> server(ServerSettings settings, ObjectModel model, int logicalDevice,
                                                           Consumer<DlmsServerHandler> onActive) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast("wrapper-decoder", new WrapperFrameDecoder(settings.limits().maxApduSize()))
                        .addLast("wrapper-encoder", WrapperFrameEncoder.INSTANCE)
                        .addLast("dlms-server", new DlmsServerHandler(settings, model, logicalDevice, onActive));
            }
        };
    }
}
