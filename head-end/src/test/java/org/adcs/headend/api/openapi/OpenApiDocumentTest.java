package org.adcs.headend.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.adcs.headend.StartupFailure;
import org.adcs.headend.api.security.Role;
import org.adcs.headend.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document: it is valid OpenAPI 3, every operation follows the API's conventions
 * (an id, tags, the roles that may call it, a success answer, problem documents for errors), its YAML
 * and JSON forms agree, and a broken set of fragments stops the start with a message naming the files.
 */
class OpenApiDocumentTest {

  private final OpenApiDocument document = OpenApiDocument.load();

  @Test
  void theMergedDocumentIsValidOpenApi3() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(document.json(), null, options);
    assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
    assertEquals(List.of(), result.getMessages());
    assertTrue(result.getOpenAPI().getOpenapi().startsWith("3.0"));
    assertTrue(result.getOpenAPI().getPaths().size() >= 20, "paths of every fragment: " + result.getOpenAPI().getPaths().keySet());
  }

  @Test
  void everyOperationHasAnIdTagsRolesASuccessAndProblemErrors() {
    JsonNode tree = document.tree();
    Set<String> wires = new HashSet<>();
    for (Role r : Role.values()) {
      wires.add(r.wire());
    }
    Set<String> ids = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    for (OpenApiContract.Operation op : OpenApiContract.get().operations()) {
      String where = op.method() + " " + op.template();
      JsonNode node = op.node();
      if (op.id().isBlank() || !ids.add(op.id())) {
        wrong.add(where + ": operationId missing or not unique: " + op.id());
      }
      if (!node.path("tags").isArray() || node.path("tags").isEmpty()) {
        wrong.add(where + ": no tags");
      }
      if (op.roles().isEmpty() || !wires.containsAll(op.roles())) {
        wrong.add(where + ": x-adcs-roles " + op.roles() + " are not role names " + wires);
      }
      if (op.statuses().stream().noneMatch(s -> s >= 200 && s < 300)) {
        wrong.add(where + ": no success answer");
      }
      node.path("responses").fields().forEachRemaining(r -> {
        JsonNode response = resolve(tree, r.getValue());
        int status = Integer.parseInt(r.getKey());
        if (status >= 200 && status < 300 && status != 204 && !response.path("content").elements().hasNext()) {
          wrong.add(where + " " + status + ": a success without a body schema");
        }
        if (status >= 400 && !(status == 503 && op.template().equals("/ready"))
            && !response.path("content").path("application/problem+json").path("schema").path("$ref").asText()
                .equals("#/components/schemas/Problem")) {
          wrong.add(where + " " + status + ": an error that is not an application/problem+json Problem");
        }
      });
      if (!op.open() && !op.statuses().containsAll(List.of(401, 403))) {
        wrong.add(where + ": needs a token, so documents 401 and 403");
      }
      if (op.roles().contains(Role.THIRD_PARTY.wire()) && !op.open() && !op.statuses().contains(429)) {
        wrong.add(where + ": third parties have request limits, so it documents 429");
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void theYamlAndJsonFormsAreTheSameDocumentAndTheRootKeepsNoPathsOfItsOwn() throws Exception {
    assertEquals(new ObjectMapper().readTree(document.json()), new YAMLMapper().readTree(document.yaml()));
    JsonNode root = new YAMLMapper().readTree(getClass().getClassLoader().getResourceAsStream("openapi/adcs-api.yaml"));
    assertTrue(root.path("paths").isEmpty(), "paths live in fragments");
    assertEquals(root.path("x-adcs-fragments").size(), new HashSet<>(
        new ObjectMapper().convertValue(root.path("x-adcs-fragments"), List.class)).size(), "no fragment listed twice");
  }

  @Test
  void aMissingFragmentStopsTheStartNamingIt() {
    StartupFailure e = broken("missing");
    assertTrue(e.getMessage().contains("paths/gone.yaml") && e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void aPathDefinedTwiceStopsTheStartNamingBothFragments() {
    StartupFailure e = broken("duplicate-path");
    assertTrue(e.getMessage().contains("path /a is defined twice: in paths/a.yaml and in paths/b.yaml"), e.getMessage());
  }

  @Test
  void aSchemaDefinedTwiceStopsTheStartNamingBothFiles() {
    StartupFailure e = broken("duplicate-schema");
    assertTrue(e.getMessage().contains("schemas Problem is defined twice: in adcs-api.yaml and in paths/b.yaml"),
        e.getMessage());
  }

  @Test
  void aFragmentHoldsOnlyPathsAndComponents() {
    StartupFailure e = broken("foreign-key");
    assertTrue(e.getMessage().contains("paths/a.yaml") && e.getMessage().contains("\"info\""), e.getMessage());
  }

  private StartupFailure broken(String set) {
    return assertThrows(StartupFailure.class,
        () -> OpenApiDocument.load(getClass().getClassLoader(), "openapi-broken/" + set + "/"));
  }

  private static JsonNode resolve(JsonNode tree, JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = tree;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }
}
