package org.adcs.simulator.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import org.adcs.protocol.netty.DlmsChannels;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.meter.FleetTerms;

/**
 * The benchmark's minimal DLMS client endpoint, in a process of its own so its connections do not
 * count in the simulator's heap: accepts meters on an ephemeral loopback port (printed first),
 * counts their pushes, and prints the count and exits when its standard input closes.
 */
public final class MinimalHeadEnd {
    private MinimalHeadEnd() {
    }

    public static void main(String[] args) throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1);
        LongAdder pushes = new LongAdder();
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childHandler(DlmsChannels.client(ClientSettings.lowLevelSecurity(FleetTerms.DEFAULT_PASSWORD),
                        WrapperFrame.MANAGEMENT_CLIENT, WrapperFrame.LOGICAL_DEVICE, s -> s.onPush(p -> pushes.increment())))
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        System.out.println("port " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        while (in.readLine() != null) {
            System.out.println("pushes " + pushes.sum());
            System.out.flush();
        }
        server.close().sync();
        group.shutdownGracefully().sync();
    }
}
