package org.adcs.headend.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.adcs.headend.StartupFailure;

/**
 * The API's OpenAPI document: the root {@value #ROOT} with the fragments it lists under
 * {@code x-adcs-fragments} merged in (each area of the API keeps its paths and schemas in a fragment
 * of its own). A missing fragment, a fragment that is not a mapping of {@code paths} and
 * {@code components}, or a path or component defined twice stops the start with a message that
 * names the files, so the served document is always whole.
 */
public final class OpenApiDocument {

  public static final String ROOT = "adcs-api.yaml";
  private static final String BASE = "openapi/";
  private static final Set<String> FRAGMENT_KEYS = Set.of("paths", "components");

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode tree;
  private final String yaml;
  private final String json;

  private OpenApiDocument(ObjectNode tree) throws JsonProcessingException {
    this.tree = tree;
    this.yaml = YAML.writeValueAsString(tree);
    this.json = JSON.writeValueAsString(tree);
  }

  /** The document under {@code openapi/} on the class path. */
  public static OpenApiDocument load() {
    return load(OpenApiDocument.class.getClassLoader(), BASE);
  }

  /** @param base the resource folder holding {@value #ROOT} and its fragments, ending in {@code /} */
  public static OpenApiDocument load(ClassLoader resources, String base) {
    ObjectNode root = object(read(resources, base, ROOT, ROOT), ROOT);
    JsonNode fragments = root.path("x-adcs-fragments");
    if (!fragments.isArray() || fragments.isEmpty()) {
      throw invalid(ROOT + " lists no fragments: x-adcs-fragments must be a list such as [paths/auth.yaml]");
    }
    Map<String, String> origin = new HashMap<>();
    root.with("paths").fieldNames().forEachRemaining(p -> origin.put("path " + p, ROOT));
    root.with("components").fields().forEachRemaining(section -> section.getValue().fieldNames()
        .forEachRemaining(name -> origin.put(section.getKey() + " " + name, ROOT)));
    for (JsonNode entry : fragments) {
      if (!entry.isTextual() || entry.asText().isBlank()) {
        throw invalid(ROOT + ": x-adcs-fragments holds " + entry + ", not a file name");
      }
      String name = entry.asText();
      merge(root, object(read(resources, base, name, ROOT), name), name, origin);
    }
    try {
      return new OpenApiDocument(root);
    } catch (JsonProcessingException e) {
      throw invalid("the merged OpenAPI document cannot be written: " + e.getOriginalMessage());
    }
  }

  private static void merge(ObjectNode root, ObjectNode fragment, String name, Map<String, String> origin) {
    for (Iterator<String> keys = fragment.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!FRAGMENT_KEYS.contains(key)) {
        throw invalid(name + ": a fragment holds only paths and components, found \"" + key + "\"");
      }
    }
    mergeSection(root.with("paths"), object(fragment.path("paths"), name + " paths"), "path", name, origin);
    if (fragment.has("components")) {
      ObjectNode components = object(fragment.get("components"), name + " components");
      components.fields().forEachRemaining(section -> mergeSection(root.with("components").with(section.getKey()),
          object(section.getValue(), name + " components." + section.getKey()), section.getKey(), name, origin));
    }
  }

  private static void mergeSection(ObjectNode into, ObjectNode from, String kind, String name, Map<String, String> origin) {
    from.fields().forEachRemaining(e -> {
      String previous = origin.putIfAbsent(kind + " " + e.getKey(), name);
      if (previous != null) {
        throw invalid(kind + " " + e.getKey() + " is defined twice: in " + previous + " and in " + name);
      }
      into.set(e.getKey(), e.getValue());
    });
  }

  private static JsonNode read(ClassLoader resources, String base, String name, String listedIn) {
    try (InputStream in = resources.getResourceAsStream(base + name)) {
      if (in == null) {
        throw invalid("OpenAPI fragment " + base + name + (name.equals(ROOT) ? "" : " (listed in " + listedIn + ")")
            + " is missing from the class path");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw invalid(base + name + " is not valid YAML: " + e.getMessage());
    }
  }

  private static ObjectNode object(JsonNode node, String what) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw invalid(what + " must be a YAML mapping, found " + node.getNodeType());
  }

  private static StartupFailure invalid(String detail) {
    return new StartupFailure("The API's OpenAPI document is broken: " + detail);
  }

  /** The merged document (do not modify). */
  public JsonNode tree() {
    return tree;
  }

  public String yaml() {
    return yaml;
  }

  public String json() {
    return json;
  }
}
