package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.adcs.cli.http.Api;
import org.adcs.cli.http.ApiFailure;
import org.adcs.cli.http.ExitCode;
import org.adcs.cli.http.Tls;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the head-end is and who is asking, shared by every command: options first, then the
 * environment ({@code ADCS_SERVER}, {@code ADCS_TOKEN}, {@code ADCS_TRUST}), then what {@code adcs
 * login} saved.
 */
public final class Connection {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--server", description = "the head-end's API, e.g. https://127.0.0.1:8080 (env ADCS_SERVER)")
  String server;

  @Option(names = "--token", description = "API token (env ADCS_TOKEN; default: the one adcs login saved)")
  String token;

  @Option(names = "--trust", description = "PKCS12 file with the server's certificate (env ADCS_TRUST)")
  Path trust;

  @Option(names = "--trust-password", description = "password of the --trust file (default: the development one's)")
  String trustPassword = "adcs-development";

  @Option(names = "--insecure", description = "trust any server certificate (development servers only)")
  boolean insecure;

  @Option(names = "--timeout", description = "seconds to wait for an answer (default: ${DEFAULT-VALUE})")
  int timeoutSeconds = 330;

  @Option(names = "--json", description = "print the API's JSON instead of tables (for scripts)")
  boolean json;

  PrintWriter out() {
    return command.commandLine().getOut();
  }

  PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** With --json the API's document as it came (one line, for jq), otherwise what {@code human} prints. */
  void print(JsonNode document, Runnable human) {
    if (json) {
      out().println(document.toString());
    } else {
      human.run();
    }
    out().flush();
  }

  Api api() {
    Optional<SavedLogin> saved = SavedLogin.load();
    String url = first(server, System.getenv("ADCS_SERVER"), saved.map(SavedLogin::server).orElse(null))
        .orElse("https://127.0.0.1:8080");
    return new Api(uri(url), Optional.ofNullable(first(token, System.getenv("ADCS_TOKEN"),
        saved.filter(s -> s.server().equals(url)).map(SavedLogin::token).orElse(null)).orElse(null)), tls(),
        Duration.ofSeconds(timeoutSeconds));
  }

  /** An API without a token, for logging in. */
  Api anonymous(String url) {
    return new Api(uri(url), Optional.empty(), tls(), Duration.ofSeconds(timeoutSeconds));
  }

  String serverOrDefault() {
    return first(server, System.getenv("ADCS_SERVER"), SavedLogin.load().map(SavedLogin::server).orElse(null))
        .orElse("https://127.0.0.1:8080");
  }

  private SSLContext tls() {
    if (insecure) {
      err().println("adcs: --insecure: the server's certificate is not checked (development servers only)");
      System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
      return Tls.trustingAnyone();
    }
    Path file = trust != null ? trust : Optional.ofNullable(System.getenv("ADCS_TRUST")).map(Path::of).orElse(null);
    return file == null ? Tls.system() : Tls.trusting(file, trustPassword.toCharArray());
  }

  private static URI uri(String url) {
    try {
      URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ApiFailure(ExitCode.USAGE, "the server " + url + " is not a URL such as https://127.0.0.1:8080");
    }
  }

  private static Optional<String> first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
