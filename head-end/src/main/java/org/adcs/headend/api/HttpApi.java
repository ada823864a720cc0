package org.adcs.headend.api;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.ConnectionContext;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.server.Route;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.adcs.headend.StartupFailure;
import org.adcs.headend.api.security.ApiAccess;
import org.adcs.headend.config.HeadEndSettings;

/**
 * Binds the head-end's HTTP API, over TLS unless {@code adcs.http.tls.mode} is off. Every route, whatever class declares it, is served through
 * {@link ApiAccess#protect}: authenticated, authorised by role and audited (R-OPS-1, R-OPS-2).
 */
public final class HttpApi {

  private HttpApi() {}

  public static ServerBinding bind(ActorSystem<?> system, HeadEndSettings.Http http, Optional<SSLContext> tls,
      ApiAccess access, Route routes) {
    try {
      var server = Http.get(system).newServerAt(http.host(), http.port());
      if (tls.isPresent()) {
        server = server.enableHttps(ConnectionContext.httpsServer(tls.get()));
      }
      return server.bind(BodyDrain.around(access.protect(routes)))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new StartupFailure("Cannot listen for HTTP on " + http.host() + ":" + http.port() + " ("
          + e.getCause().getMessage() + "): set adcs.http.port / ADCS_HTTP_PORT to a free port"
          + " or stop the process that holds it", e.getCause());
    } catch (TimeoutException e) {
      throw new StartupFailure("Binding HTTP on " + http.host() + ":" + http.port() + " took over 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupFailure("Interrupted while binding HTTP");
    }
  }

  public static void unbind(ServerBinding binding, Duration hardDeadline) {
    try {
      binding.terminate(hardDeadline).toCompletableFuture().get(hardDeadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Shutting down anyway; the socket closes with the actor system.
    }
  }

  public static String url(ServerBinding binding, boolean tls) {
    InetSocketAddress address = binding.localAddress();
    return (tls ? "https://" : "http://") + address.getHostString() + ":" + address.getPort();
  }
}
