package org.adcs.headend.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback in front of one or more real servers, for fault tests: new connections go
 * round-robin to the targets still in service, like a load balancer in front of head-end nodes;
 * {@link #remove} and {@link #cut} reset connections abruptly (no graceful close), as a crashed
 * node or a lost network does, and while cut, connections are accepted and reset at once.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<InetSocketAddress> targets = new CopyOnWriteArrayList<>();
  private final Map<Socket, InetSocketAddress> open = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private volatile boolean cut;
  private volatile boolean closed;

  public TcpProxy(List<InetSocketAddress> targets) {
    this.targets.addAll(targets);
    try {
      server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  /** Takes a target out of service and resets every connection relayed to it. */
  public void remove(InetSocketAddress target) {
    targets.remove(target);
    open.forEach((socket, to) -> {
      if (to.equals(target)) {
        reset(socket);
      }
    });
  }

  /** Resets every relayed connection and every new one until {@link #restore}. */
  public void cut() {
    cut = true;
    open.keySet().forEach(TcpProxy::reset);
  }

  public void restore() {
    cut = false;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      List<InetSocketAddress> live = new ArrayList<>(targets);
      if (cut || live.isEmpty()) {
        reset(client);
        continue;
      }
      InetSocketAddress target = live.get(Math.floorMod(next.getAndIncrement(), live.size()));
      Socket upstream = new Socket();
      try {
        upstream.connect(target, 5_000);
      } catch (IOException e) {
        reset(client);
        reset(upstream);
        continue;
      }
      open.put(client, target);
      open.put(upstream, target);
      relay(client, upstream);
      relay(upstream, client);
    }
  }

  private void relay(Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away: the other goes with it
      } finally {
        reset(from);
        reset(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-relay");
    pump.setDaemon(true);
    pump.start();
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0); // RST, not FIN: the peer sees the connection fail, not end
    } catch (IOException e) {
      // already closed
    }
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.keySet().forEach(TcpProxy::reset);
  }
}
