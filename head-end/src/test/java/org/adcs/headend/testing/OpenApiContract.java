package org.adcs.headend.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adcs.headend.api.openapi.OpenApiDocument;

/**
 * The served API's OpenAPI document as the tests hold the API to it: every request {@link ApiClient}
 * sends and every answer it gets is checked against the document (the operation exists, the status
 * is documented, the body matches the schema; an error is a problem document; a request the
 * document calls invalid is refused with a 4xx), and the operations answered by their own route
 * (not refused by the guard) are recorded for the coverage check {@code OpenApiCoverageIT}.
 */
public final class OpenApiContract {

  /** One documented operation. */
  public record Operation(String id, String method, String template, Set<String> roles, boolean open,
      boolean stream, JsonNode node) {

    Pattern pattern() {
      return Pattern.compile("^" + template.replaceAll("\\{[^/}]+}", "[^/]+").replace(".", "\\.") + "$");
    }

    int templated() {
      return (int) template.chars().filter(c -> c == '{').count();
    }

    public Set<Integer> statuses() {
      Set<Integer> codes = new LinkedHashSet<>();
      node.path("responses").fieldNames().forEachRemaining(c -> codes.add(Integer.parseInt(c)));
      return codes;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** URI or headers over the server's limits: answered by the HTTP layer for any operation. */
  private static final Set<Integer> HTTP_LAYER = Set.of(414, 431);
  private static final OpenApiContract INSTANCE = new OpenApiContract(OpenApiDocument.load());
  private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

  private final JsonNode document;
  private final List<Operation> operations;
  private final OpenApiInteractionValidator validator;

  private OpenApiContract(OpenApiDocument document) {
    this.document = document.tree();
    this.operations = operations(this.document);
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.json()).build();
  }

  public static OpenApiContract get() {
    return INSTANCE;
  }

  public JsonNode document() {
    return document;
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * Operations answered by their own route so far: in this JVM and, when the build names a coverage
   * directory ({@value #COVERAGE_DIR}), in every test JVM of the run (failsafe runs the ITs in two).
   */
  public static Set<String> exercised() {
    Set<String> all = new TreeSet<>(EXERCISED);
    Optional<Path> dir = coverageDirectory();
    if (dir.isPresent() && Files.isDirectory(dir.get())) {
      try (Stream<Path> files = Files.list(dir.get())) {
        for (Path file : files.toList()) {
          all.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the run's OpenAPI coverage in " + dir.get(), e);
      }
    }
    all.remove("");
    return all;
  }

  /** The system property naming the run's coverage directory: a file per test JVM, a line per operation. */
  public static final String COVERAGE_DIR = "adcs.openapi.coverage-dir";

  private static Optional<Path> coverageDirectory() {
    return Optional.ofNullable(System.getProperty(COVERAGE_DIR)).filter(d -> !d.isBlank()).map(Path::of);
  }

  private static synchronized void recordForTheRun(String operationId) {
    Optional<Path> dir = coverageDirectory();
    if (dir.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(dir.get());
      Files.writeString(dir.get().resolve("jvm-" + ProcessHandle.current().pid() + ".txt"), operationId + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record OpenAPI coverage in " + dir.get(), e);
    }
  }

  static List<Operation> operations(JsonNode document) {
    List<Operation> all = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
      JsonNode op = m.getValue();
      Set<String> roles = new LinkedHashSet<>();
      op.path("x-adcs-roles").forEach(r -> roles.add(r.asText()));
      boolean open = op.has("security") && op.get("security").isEmpty();
      boolean stream = op.path("responses").path("200").path("content").has("text/event-stream");
      all.add(new Operation(op.path("operationId").asText(), m.getKey().toUpperCase(Locale.ROOT), path.getKey(),
          roles, open, stream, op));
    }));
    all.sort(Comparator.comparingInt(Operation::templated));
    return List.copyOf(all);
  }

  /** The documented operation {@code method path} calls, if any (literal paths before templated ones). */
  public Optional<Operation> operation(String method, String path) {
    return operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches()).findFirst();
  }

  /** What one exchange looked like, for {@link #check}. */
  public record Exchange(String method, String pathAndQuery, Optional<String> contentType, String body,
      Optional<String> authorization, int status, Optional<String> responseType, String responseBody,
      Map<String, List<String>> responseHeaders) {}

  /**
   * Checks one exchange against the document and records its operation (empty for an undocumented
   * one, which must have been refused); throws an AssertionError that says what does not conform.
   */
  public Optional<Operation> check(Exchange e) {
    URI uri = URI.create(e.pathAndQuery());
    String path = uri.getRawPath();
    Optional<Operation> documented = operation(e.method(), path);
    List<String> wrong = new ArrayList<>();
    if (documented.isEmpty()) {
      // The API does nothing it does not document: anything else is refused, with a problem.
      if (e.status() < 400 || e.status() >= 500) {
        wrong.add("undocumented, yet answered " + e.status());
      } else {
        problem(e, wrong);
      }
      if (!wrong.isEmpty()) {
        throw new AssertionError("undocumented operation " + e.method() + " " + e.pathAndQuery() + ": "
            + String.join("; ", wrong) + "\nresponse: " + e.responseBody());
      }
      return Optional.empty();
    }
    Operation op = documented.get();
    if (HTTP_LAYER.contains(e.status())) {
      // Refused before any route (the document's description says so): a problem all the same.
      problem(e, wrong);
      if (!wrong.isEmpty()) {
        throw new AssertionError(op.id() + " (" + e.method() + "): " + String.join("; ", wrong));
      }
      return documented;
    }
    if (!op.statuses().contains(e.status())) {
      wrong.add("status " + e.status() + " is not documented (documented: " + op.statuses() + ")");
    }
    if (e.status() >= 400) {
      problem(e, wrong);
    }
    ValidationReport request = validator.validateRequest(request(e, uri));
    if (request.hasErrors() && (e.status() < 400 || e.status() >= 500)) {
      wrong.add("the request does not conform, yet was answered " + e.status() + ": " + messages(request));
    }
    if (op.stream() && e.status() == 200) {
      if (!e.responseType().orElse("").startsWith("text/event-stream")) {
        wrong.add("a stream answered with " + e.responseType().orElse("no content type"));
      }
    } else if (wrong.isEmpty()) {
      ValidationReport response = validator.validateResponse(path, Request.Method.valueOf(e.method()), response(e));
      if (response.hasErrors()) {
        wrong.add("the response does not conform: " + messages(response));
      }
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError(op.id() + " (" + e.method() + " " + e.pathAndQuery() + "): " + String.join("; ", wrong)
          + "\nresponse: " + e.responseBody());
    }
    if (e.status() != 401 && e.status() != 403 && e.status() != 429 && EXERCISED.add(op.id())) {
      recordForTheRun(op.id());
    }
    return documented;
  }

  private static void problem(Exchange e, List<String> wrong) {
    if (!e.responseType().orElse("").startsWith("application/problem+json")) {
      wrong.add("error " + e.status() + " is not application/problem+json but " + e.responseType().orElse("untyped"));
      return;
    }
    try {
      JsonNode problem = JSON.readTree(e.responseBody());
      if (problem.path("status").asInt() != e.status() || problem.path("detail").asText("").isBlank()
          || problem.path("title").asText("").isBlank()) {
        wrong.add("the problem document lacks a matching status, a title or a detail");
      }
    } catch (IOException x) {
      wrong.add("the problem document is not JSON");
    }
  }

  private static Request request(Exchange e, URI uri) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(e.method(), uri.getRawPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        b.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    e.contentType().ifPresent(b::withContentType);
    e.authorization().ifPresent(b::withAuthorization);
    if (e.body() != null) {
      b.withBody(e.body());
    }
    return b.build();
  }

  private static SimpleResponse response(Exchange e) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(e.status());
    e.responseType().ifPresent(b::withContentType);
    e.responseHeaders().forEach((name, values) -> b.withHeader(name, values));
    if (e.responseBody() != null && !e.responseBody().isEmpty()) {
      b.withBody(e.responseBody());
    }
    return b.build();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String messages(ValidationReport report) {
    return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining(" | "));
  }
}
