package org.adcs.headend.session;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.StartupFailure;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.protocol.netty.DlmsClientHandler;
import org.adcs.protocol.netty.WrapperFrameDecoder;
import org.adcs.protocol.netty.WrapperFrameEncoder;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head-end's meter port (IEC 62056-47, 4059 by default): meters dial in and stay connected.
 * The head-end is the DLMS client on every connection, whichever side dialled. A malformed frame
 * closes its own connection only (the protocol module's decoders see to that).
 */
public final class MeterPort implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MeterPort.class);

  /** @param announceTimeout how long a new connection may take to say which meter it is */
  /**
   * @param partialFrameTimeout how long a connection may stop in the middle of a frame before it is
   *                            closed (an idle connection between frames is kept)
   */
  public record Settings(String host, int port, Duration announceTimeout, Duration responseTimeout, int maxApduSize,
      Duration partialFrameTimeout) {}

  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final Channel listening;
  private final ConnectedMeters connected;

  private MeterPort(EventLoopGroup acceptor, EventLoopGroup workers, Channel listening, ConnectedMeters connected) {
    this.acceptor = acceptor;
    this.workers = workers;
    this.listening = listening;
    this.connected = connected;
  }

  public static MeterPort bind(Settings settings, MeterCredentials credentials, MeterSharding meters, Clock clock,
      java.time.ZoneOffset standardTime, akka.actor.typed.ActorSystem<?> system) {
    ConnectedMeters connected = new ConnectedMeters();
    ClientSettings client = ClientSettings.noSecurity().withTimeout(settings.responseTimeout());
    EventLoopGroup acceptor = new NioEventLoopGroup(1);
    EventLoopGroup workers = new NioEventLoopGroup();
    try {
      Channel listening = new ServerBootstrap()
          .group(acceptor, workers)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.SO_KEEPALIVE, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              WrapperFrameDecoder decoder = new WrapperFrameDecoder(settings.maxApduSize());
              ch.pipeline()
                  .addLast("partial-frame-idle", new IdleStateHandler(settings.partialFrameTimeout().toMillis(), 0, 0,
                      TimeUnit.MILLISECONDS))
                  .addLast("partial-frame-guard", new PartialFrameGuard(decoder, settings.partialFrameTimeout()))
                  .addLast("wrapper-decoder", decoder)
                  .addLast("wrapper-encoder", WrapperFrameEncoder.INSTANCE)
                  .addLast("dlms-client", new DlmsClientHandler(client, WrapperFrame.MANAGEMENT_CLIENT,
                      WrapperFrame.LOGICAL_DEVICE, session -> new MeterConnection(ch, session, credentials, meters,
                          connected, clock, settings.responseTimeout(), standardTime, system).start(settings.announceTimeout())));
            }
          })
          .bind(new InetSocketAddress(settings.host(), settings.port()))
          .syncUninterruptibly()
          .channel();
      log.info("meter port listening on {}", listening.localAddress());
      return new MeterPort(acceptor, workers, listening, connected);
    } catch (RuntimeException e) {
      acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new StartupFailure("Cannot open the meter port " + settings.host() + ":" + settings.port() + " ("
          + e.getMessage() + "): set adcs.meter-port.port (ADCS_METER_PORT_PORT) to a free port", e);
    }
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listening.localAddress();
  }

  public ConnectedMeters connected() {
    return connected;
  }

  @Override
  public void close() {
    listening.close().syncUninterruptibly();
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
