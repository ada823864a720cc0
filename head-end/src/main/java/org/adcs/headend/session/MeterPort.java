package org.adcs.headend.session;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import io.netty.util.concurrent.RejectedExecutionHandlers;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.adcs.headend.StartupFailure;
import org.adcs.headend.meter.MeterDialler;
import org.adcs.headend.meter.MeterSharding;
import org.adcs.headend.metrics.HeadEndMetrics;
import org.adcs.protocol.netty.DlmsClientHandler;
import org.adcs.protocol.netty.WrapperFrameDecoder;
import org.adcs.protocol.netty.WrapperFrameEncoder;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The head-end's meter port (IEC 62056-47, 4059 by default): meters dial in and stay connected, and
 * meters that listen are dialled from here (R-COL-5). The head-end is the DLMS client on every
 * connection, whichever side dialled, and both kinds run the same pipeline. A malformed frame
 * closes its own connection only (the protocol module's decoders see to that).
 */
public final class MeterPort implements AutoCloseable, MeterDialler {

  private static final Logger log = LoggerFactory.getLogger(MeterPort.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int DIAL_BATCH = 100;

  /**
   * @param announceTimeout     how long a new connection may take to say which meter it is
   * @param partialFrameTimeout how long a connection may stop in the middle of a frame before it is
   *                            closed (an idle connection between frames is kept)
   * @param maxIdentifying      meters identified at once (association and registration); the rest of a
   *                            reconnection storm waits its turn (Admission)
   * @param maxPushesInFlight   pushes being stored and acknowledged at once; later ones wait unacknowledged
   */
  public record Settings(String host, int port, Duration announceTimeout, Duration responseTimeout, int maxApduSize,
      Duration partialFrameTimeout, int maxIdentifying, int maxPushesInFlight) {}

  private final EventLoopGroup acceptor;
  private final EventLoopGroup workers;
  private final EventExecutorGroup pushDecoding;
  /** This port's parts in the node's metrics, removed on close. */
  private final List<AutoCloseable> gauges = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** A decoder's queue: with 2 to 8 decoders, 8,000 to 32,000 pushes (about 5 KB each) at most. */
  private static final int PUSHES_QUEUED_PER_DECODER = 4_000;
  private final Channel listening;
  private final ConnectedMeters connected;
  private final ChannelInitializer<SocketChannel> connections;
  private final MeterCredentials credentials;
  /** Set on a channel the head-end dials: the meter it called, which then needs no announcement. */
  static final io.netty.util.AttributeKey<MeterCredentials.Provisioned> DIALLED =
      io.netty.util.AttributeKey.valueOf("adcs-dialled-meter");
  /** Meters being dialled now, so a burst of requests for one meter opens one connection. */
  private final Set<String> dialling = ConcurrentHashMap.newKeySet();

  private MeterPort(EventLoopGroup acceptor, EventLoopGroup workers, EventExecutorGroup pushDecoding, Channel listening,
      ConnectedMeters connected, ChannelInitializer<SocketChannel> connections, MeterCredentials credentials) {
    this.credentials = credentials;
    this.acceptor = acceptor;
    this.workers = workers;
    this.pushDecoding = pushDecoding;
    this.listening = listening;
    this.connected = connected;
    this.connections = connections;
  }

  public static MeterPort bind(Settings settings, MeterCredentials credentials, MeterSharding meters, Clock clock,
      java.time.ZoneOffset standardTime, akka.actor.typed.ActorSystem<?> system) {
    ConnectedMeters connected = new ConnectedMeters();
    ClientSettings client = ClientSettings.noSecurity().withTimeout(settings.responseTimeout());
    Admission.Gates admission = new Admission.Gates(
        new Admission("meters being identified", settings.maxIdentifying()),
        new Admission("pushes being stored", settings.maxPushesInFlight()));
    EventLoopGroup acceptor = new NioEventLoopGroup(1);
    EventLoopGroup workers = new NioEventLoopGroup();
    EventExecutorGroup pushDecoding = pushDecoding();
    ChannelInitializer<SocketChannel> connections = new ChannelInitializer<>() {
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
                WrapperFrame.LOGICAL_DEVICE, session -> {
                  MeterConnection connection = new MeterConnection(ch, session, credentials, meters, connected, clock,
                      settings.responseTimeout(), standardTime, system, admission);
                  MeterCredentials.Provisioned dialled = ch.attr(DIALLED).get();
                  if (dialled != null) {
                    connection.startDialled(dialled);
                  } else {
                    connection.start(settings.announceTimeout());
                  }
                }, pushDecoding));
      }
    };
    try {
      Channel listening = new ServerBootstrap()
          .group(acceptor, workers)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.SO_KEEPALIVE, true)
          .childHandler(connections)
          .bind(new InetSocketAddress(settings.host(), settings.port()))
          .syncUninterruptibly()
          .channel();
      log.info("meter port listening on {}", listening.localAddress());
      MeterPort port = new MeterPort(acceptor, workers, pushDecoding, listening, connected, connections, credentials);
      port.gauges.addAll(List.of(
          HeadEndMetrics.track("adcs_meters_connected", () -> connected.count()),
          HeadEndMetrics.track("adcs_meter_port_identifying_waiting", () -> admission.identifications().waiting()),
          HeadEndMetrics.track("adcs_meter_port_identifying_in_flight", () -> admission.identifications().inFlight()),
          HeadEndMetrics.track("adcs_meter_port_pushes_waiting", () -> admission.pushes().waiting()),
          HeadEndMetrics.track("adcs_meter_port_pushes_in_flight", () -> admission.pushes().inFlight()),
          HeadEndMetrics.track("adcs_meter_port_push_decoding_queued", () -> queued(pushDecoding))));
      return port;
    } catch (Exception e) {
      // Exception, not RuntimeException: Netty rethrows the bind's checked BindException unwrapped.
      acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      pushDecoding.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new StartupFailure("Cannot open the meter port " + settings.host() + ":" + settings.port() + " ("
          + e.getMessage() + "): set adcs.meter-port.port (ADCS_METER_PORT_PORT) to a free port", e);
    }
  }

  /**
   * Dials a meter that listens; once connected it announces itself and its entity hears of the
   * session as for any meter. A meter already connected to this node, or being dialled, is left be.
   */
  @Override
  public void dial(org.adcs.headend.meter.MeterModel.Registration meter) {
    java.util.Optional<MeterCredentials.Provisioned> provisioned = credentials.lookup(meter.logicalDeviceName());
    if (provisioned.isEmpty() || !provisioned.get().listens()) {
      log.warn("meter {}: not provisioned as a meter that listens, not dialled; add its address to the provisioning"
          + " file", meter.serial());
      return;
    }
    dial(provisioned.get());
  }

  private void dial(MeterCredentials.Provisioned meter) {
    String meterId = meter.serial();
    String address = meter.address();
    if (connected.isConnected(meterId) || !dialling.add(meterId)) {
      return;
    }
    InetSocketAddress target;
    try {
      int colon = address.lastIndexOf(':');
      target = InetSocketAddress.createUnresolved(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1)));
    } catch (RuntimeException e) {
      dialling.remove(meterId);
      log.warn("meter {}: cannot dial '{}', not host:port; correct its address in provisioning", meterId, address);
      return;
    }
    ChannelFuture connecting = new Bootstrap().group(workers).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .attr(DIALLED, meter)
        .handler(connections)
        .connect(new InetSocketAddress(target.getHostString(), target.getPort()));
    connecting.addListener(f -> {
      dialling.remove(meterId);
      if (f.isSuccess()) {
        log.info("meter {}: dialled {}", meterId, address);
      } else {
        log.warn("meter {}: dialling {} failed ({}); it is dialled again when a request needs it", meterId, address,
            f.cause().toString());
      }
    });
  }

  /**
   * Dials every provisioned meter that listens, paced (a batch every 50 ms) so a large population
   * does not arrive as one burst of connects; they self-register when they answer (R-SCH-1).
   */
  public void dialListening(java.util.List<MeterCredentials.Provisioned> meters) {
    if (meters.isEmpty()) {
      return;
    }
    log.info("dialling {} provisioned meters that listen", meters.size());
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ScheduledFuture<?>[] pacing = new java.util.concurrent.ScheduledFuture<?>[1];
    pacing[0] = workers.next().scheduleAtFixedRate(() -> {
      for (int i = 0; i < DIAL_BATCH; i++) {
        int n = next.getAndIncrement();
        if (n >= meters.size()) {
          pacing[0].cancel(false);
          return;
        }
        dial(meters.get(n));
      }
    }, 0, 50, TimeUnit.MILLISECONDS);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listening.localAddress();
  }

  public ConnectedMeters connected() {
    return connected;
  }

  @Override
  public void close() {
    for (AutoCloseable gauge : gauges) {
      try {
        gauge.close();
      } catch (Exception e) {
        // a gauge's handle only removes it from a list
      }
    }
    listening.close().syncUninterruptibly();
    workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    pushDecoding.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * Decoding a night's pushes (a day of intervals each) on the event loops put thousands of decodes
   * in front of the few responses an on-demand read waits for on the same loops (docs/benchmarks.md,
   * "head-end"): pushes are decoded here instead, one thread per core, each queue bounded (a push
   * beyond it is decoded on its event loop, slower but never dropped).
   */
  private static long queued(EventExecutorGroup group) {
    long queued = 0;
    for (EventExecutor executor : group) {
      if (executor instanceof SingleThreadEventExecutor single) {
        queued += single.pendingTasks();
      }
    }
    return queued;
  }

  private static EventExecutorGroup pushDecoding() {
    return new DefaultEventExecutorGroup(Runtime.getRuntime().availableProcessors(),
        new DefaultThreadFactory("meter-push-decoding", true), PUSHES_QUEUED_PER_DECODER, RejectedExecutionHandlers.reject());
  }
}
