package org.adcs.headend.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's files: content types, revalidation by ETag, redirects, and nothing but the console's own files. */
class ConsoleRoutesTest {

  private static final ActorTestKit kit = ActorTestKit.create("console-routes");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ServerBinding binding;
  private static String base;

  @BeforeAll
  static void bind() throws Exception {
    binding = Http.get(kit.system()).newServerAt("127.0.0.1", 0).bind(new ConsoleRoutes(new ObjectMapper()).routes())
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + binding.localAddress().getPort();
  }

  @AfterAll
  static void unbind() {
    binding.unbind();
    kit.shutdownTestKit();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRootAndTheBarePathLeadToTheConsole() throws Exception {
    HttpResponse<String> root = get("/");
    assertEquals(302, root.statusCode());
    assertEquals("/console/", root.headers().firstValue("Location").orElseThrow());
    assertEquals(301, get("/console").statusCode());
  }

  @Test
  void everyModuleTheIndexLoadsIsServedWithItsType() throws Exception {
    HttpResponse<String> index = get("/console/");
    assertEquals(200, index.statusCode());
    assertTrue(index.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(index.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
    HttpResponse<String> css = get("/console/style.css");
    assertTrue(css.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
    // Every module imported anywhere exists and is JavaScript: a missing file would break the console offline.
    Matcher imports = Pattern.compile("from '\\./([a-z-]+\\.js)'").matcher(get("/console/app.js").body());
    int modules = 0;
    while (imports.find()) {
      HttpResponse<String> module = get("/console/" + imports.group(1));
      assertEquals(200, module.statusCode(), imports.group(1));
      assertTrue(module.headers().firstValue("Content-Type").orElseThrow().startsWith("application/javascript"));
      Matcher inner = Pattern.compile("from '\\./([a-z-]+\\.js)'").matcher(module.body());
      while (inner.find()) {
        assertEquals(200, get("/console/" + inner.group(1)).statusCode(), inner.group(1) + " from " + imports.group(1));
      }
      modules++;
    }
    assertTrue(modules >= 5, "app.js imports the pages");
    assertTrue(!get("/console/app.js").body().contains("http://") && !get("/console/app.js").body().contains("https://"),
        "nothing is loaded from elsewhere");
  }

  @Test
  void anUnchangedFileIsRevalidatedWithoutItsBody() throws Exception {
    HttpResponse<String> first = get("/console/app.js");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = get("/console/app.js", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    assertEquals(200, get("/console/app.js", "If-None-Match", "\"other\"").statusCode());
  }

  @Test
  void onlyTheConsolesOwnFilesAreServed() throws Exception {
    assertEquals(404, get("/console/missing.js").statusCode());
    assertEquals(404, get("/console/..%2Fapplication.conf").statusCode());
    assertEquals(404, get("/console/logback.xml").statusCode());
    assertTrue(get("/console/nothing.css").headers().firstValue("Content-Type").orElseThrow()
        .startsWith("application/problem+json"));
  }
}
