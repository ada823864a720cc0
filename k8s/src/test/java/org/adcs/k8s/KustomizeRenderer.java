package org.adcs.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the subset this repository uses:
 * {@code resources} (files, several documents each, and directories holding a kustomization),
 * {@code patches} (strategic-merge patch files, applied to the object of the same kind and name),
 * {@code namespace} (set on namespaced objects) and {@code labels} (added to metadata only, i.e.
 * {@code includeSelectors: false} and no templates). Any other field is refused, so a manifest
 * cannot rely on a feature this renderer would silently ignore.
 */
final class KustomizeRenderer {
    static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "labels");
    /** Kinds without a namespace among those this repository uses. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private KustomizeRenderer() {}

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        JsonNode k = readAll(file).get(0);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": kustomization field '" + field + "' is not supported by this renderer");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : readAll(path));
        }
        for (JsonNode patch : k.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new IllegalArgumentException(file + ": only 'patches: - path: FILE' is supported, was " + patch);
            }
            for (ObjectNode p : readAll(directory.resolve(patch.get("path").asText()))) {
                ObjectNode target = find(objects, p, file);
                StrategicMerge.apply(target, p);
            }
        }
        if (k.has("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    metadata(o).put("namespace", namespace);
                }
            }
        }
        for (JsonNode label : k.path("labels")) {
            if (label.path("includeSelectors").asBoolean(false) || label.path("includeTemplates").asBoolean(false)) {
                throw new IllegalArgumentException(file + ": labels into selectors or templates are not supported");
            }
            for (ObjectNode o : objects) {
                ObjectNode labels = metadata(o).with("labels");
                for (Iterator<Map.Entry<String, JsonNode>> it = label.path("pairs").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> pair = it.next();
                    labels.set(pair.getKey(), pair.getValue());
                }
            }
        }
        return objects;
    }

    private static ObjectNode find(List<ObjectNode> objects, ObjectNode patch, Path file) {
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": a patch targets " + kind + "/" + name + ", which no resource defines"));
    }

    private static ObjectNode metadata(ObjectNode o) {
        return o.with("metadata");
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            for (Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!(document instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping: " + document);
                }
                documents.add(object);
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
