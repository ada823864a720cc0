package org.adcs.headend.api.console;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.Uri;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.adcs.headend.api.Problems;

/**
 * The operator console: static files from the classpath ({@code console/}) under {@code /console/},
 * and {@code /} sending browsers there. The files hold no data and need no login (the console logs
 * in against the API, which does the rest). Each answer carries an ETag and {@code no-cache}, so a
 * browser revalidates (a 304 without a body) and never runs a console older than the head-end it
 * talks to; the content security policy keeps the pages to the head-end's own scripts and API.
 */
public final class ConsoleRoutes extends AllDirectives {

  private static final String ROOT = "console/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(html|js|css|svg)");
  private static final Map<String, ContentType> TYPES = Map.of(
      "html", ContentTypes.TEXT_HTML_UTF8,
      "js", MediaTypes.applicationWithOpenCharset("javascript").toContentType(HttpCharsets.UTF_8),
      "css", MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8),
      "svg", MediaTypes.IMAGE_SVG_XML.toContentType());
  private static final List<HttpHeader> HEADERS = List.of(
      RawHeader.create("Cache-Control", "no-cache"),
      RawHeader.create("X-Content-Type-Options", "nosniff"),
      RawHeader.create("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"));

  /** A file as served: its bytes, type and entity tag. */
  private record Asset(byte[] bytes, ContentType type, String etag) {}

  private final Problems problems;
  /** Only files that exist are kept: no more than the console has. */
  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  public ConsoleRoutes(ObjectMapper json) {
    this.problems = new Problems(json);
  }

  public Route routes() {
    return get(() -> concat(
        pathSingleSlash(() -> redirect(Uri.create("/console/"), StatusCodes.FOUND)),
        path("console", () -> redirect(Uri.create("/console/"), StatusCodes.MOVED_PERMANENTLY)),
        pathPrefix("console", () -> concat(
            pathSingleSlash(() -> serve("index.html")),
            path(PathMatchers.segment(), this::serve)))));
  }

  private Route serve(String name) {
    Optional<Asset> asset = NAME.matcher(name).matches() ? find(name) : Optional.empty();
    if (asset.isEmpty()) {
      return complete(problems.of(StatusCodes.NOT_FOUND, "Not found", "the console has no file " + name));
    }
    Asset a = asset.get();
    return optionalHeaderValueByName("If-None-Match", tag -> {
      HttpResponse response = tag.filter(t -> t.contains(a.etag())).isPresent()
          ? HttpResponse.create().withStatus(StatusCodes.NOT_MODIFIED)
          : HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(a.type(), a.bytes()));
      return complete(response.addHeaders(HEADERS).addHeader(RawHeader.create("ETag", a.etag())));
    });
  }

  private Optional<Asset> find(String name) {
    Asset known = assets.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      String extension = name.substring(name.lastIndexOf('.') + 1);
      Asset asset = new Asset(bytes, TYPES.get(extension), etag(bytes));
      assets.put(name, asset);
      return Optional.of(asset);
    } catch (IOException e) {
      throw new UncheckedIOException("console file " + name + " could not be read", e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
